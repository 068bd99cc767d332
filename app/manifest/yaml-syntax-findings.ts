import type { LineCounter, YAMLError } from "yaml";
import type { Finding } from "./finding.js";
import { makeFinding, type FindingDraft } from "./make-finding.js";

const FIXES: Readonly<Record<string, string>> = {
  TAB_AS_INDENT: "indent with spaces; YAML does not allow tabs there",
  BAD_INDENT:
    "line up the keys of one mapping (or the items of one list) at the " +
    "same column, and close every [ and { you open",
  MISSING_CHAR: "close the quote or bracket that was opened",
  BLOCK_AS_IMPLICIT_KEY:
    "start a nested mapping on its own line, or quote a value that " +
    "contains ': '",
  MULTILINE_IMPLICIT_KEY:
    "keep each key on one line and follow it with ': ', or indent the " +
    "line under the key it belongs to",
  BAD_SCALAR_START: "quote the value: it starts with a reserved character",
  UNEXPECTED_TOKEN:
    "check this line for a stray character or wrong indentation; quote " +
    "values that contain ': ' or ' #'",
  MULTIPLE_ANCHORS: "give the node at most one &anchor",
  MULTIPLE_TAGS: "give the node at most one tag",
  BAD_ALIAS: "write the value out instead of using an alias",
  ALIAS_PROPS: "remove the anchor or tag from the alias",
  KEY_OVER_1024_CHARS: "shorten the key to fewer than 1024 characters",
  RESOURCE_EXHAUSTION: "flatten the structure: it is nested too deeply",
  BAD_DIRECTIVE: "remove the directive line that starts with %",
};

const MESSAGES: Readonly<Record<string, string>> = {
  TAB_AS_INDENT: "tab character used for indentation",
};

/**
 * Turns the parser's errors and warnings into error findings, one per line
 * (the parser often reports several symptoms of one mistake). A tab in the
 * indentation confuses the parser about every line after it, so when there
 * is one, only the tabs are reported.
 */
export function yamlErrorsToFindings(
  file: string,
  problems: readonly YAMLError[],
  lineCounter: LineCounter,
  text: string,
): Finding[] {
  const tabs = problems.filter((problem) => problem.code === "TAB_AS_INDENT");
  const findings: Finding[] = [];
  const lines = new Set<number>();
  for (const problem of tabs.length > 0 ? tabs : problems) {
    if (problem.code === "TAG_RESOLVE_FAILED") continue;
    const place = lineCounter.linePos(startOf(problem, text));
    if (lines.has(place.line)) continue;
    lines.add(place.line);
    const position = { line: place.line, column: place.col };
    findings.push(makeFinding(file, position, describe(problem)));
  }
  return findings;
}

/**
 * Where the mistake starts. The parser reports an unclosed quote where the
 * file ends; the quote that was never closed is the last one before that.
 */
function startOf(problem: YAMLError, text: string): number {
  const quote = /^Missing closing (["'])quote/.exec(problem.message)?.[1];
  if (problem.code !== "MISSING_CHAR" || !quote) return problem.pos[0];
  const opening = text.lastIndexOf(quote, problem.pos[0] - 1);
  return opening >= 0 ? opening : problem.pos[0];
}

function describe(problem: YAMLError): FindingDraft {
  const text = problem.message.split("\n")[0] ?? "";
  const message = MESSAGES[problem.code] ?? lowerFirst(text);
  const fix = FIXES[problem.code] ?? "correct the YAML syntax here";
  return { message: `invalid YAML: ${message}`, fix };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
