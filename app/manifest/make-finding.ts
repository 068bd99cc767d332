import type { Finding } from "./finding.js";
import type { Position } from "./yaml-load.js";

/** The parts of a finding that describe the problem, without its place. */
export interface FindingDraft {
  message: string;
  path?: string;
  found?: string;
  expected?: string;
  fix?: string;
}

/** Builds an error finding for `file` at `position` from a draft. */
export function makeFinding(
  file: string,
  position: Position,
  draft: FindingDraft,
): Finding {
  const finding: Finding = {
    file,
    line: position.line,
    column: position.column,
    path: draft.path ?? "",
    message: draft.message,
    severity: "error",
  };
  if (draft.found !== undefined) finding.found = draft.found;
  if (draft.expected !== undefined) finding.expected = draft.expected;
  if (draft.fix !== undefined) finding.fix = draft.fix;
  return finding;
}

/** Orders findings by line, then column, keeping the order of equals. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.line - b.line || a.column - b.column);
}
