/**
 * A finding is one problem in a file a user wrote: where it is, what was
 * found, what was expected and how to fix it. Validation returns findings
 * instead of throwing, so that every problem of a file is reported at once,
 * and the same finding feeds the command line, check-run annotations and
 * the pull request comment.
 */
export interface Finding {
  file: string;
  /** 1-based line and column of the node at fault (1:1 for whole-file). */
  line: number;
  column: number;
  /** Field path such as `spec.env.API_VERSION`; empty for the whole file. */
  path: string;
  /** One sentence: what is wrong. */
  message: string;
  found?: string;
  expected?: string;
  /** How to fix it, as an instruction to the user. */
  fix?: string;
  severity: "error" | "warning";
}

/** Formats a finding as `PATH:LINE:COL: error: MESSAGE (hints)`. */
export function formatFinding(finding: Finding): string {
  const head = `${finding.file}:${finding.line}:${finding.column}`;
  const where = finding.path ? ` ${finding.path}:` : "";
  const hints = [
    finding.found === undefined ? "" : `found ${finding.found}`,
    finding.expected === undefined ? "" : `expected ${finding.expected}`,
    finding.fix ?? "",
  ].filter((hint) => hint !== "");
  const tail = hints.length > 0 ? ` (${hints.join("; ")})` : "";
  return `${head}: ${finding.severity}:${where} ${finding.message}${tail}`;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === "error");
}
