/**
 * The one comment Berth keeps on a pull request: found again by a hidden
 * marker, and always under GitHub's 65,536 characters. When everything
 * does not fit, it says what was left out and links the check run, which
 * holds every finding.
 */
import type { Finding } from "../manifest/finding.js";
import { escapeHtml, inlineCode } from "./markdown.js";

/** The hidden marker that identifies Berth's comment. */
export const COMMENT_MARKER = "<!-- berth -->";

/** GitHub refuses comment bodies longer than this. */
export const COMMENT_LIMIT = 65_536;

export interface CommentView {
  /** One line, e.g. `Plan for 1a2b3c4`. */
  title: string;
  /** Status lines: results with URLs, missing approvals, locks. */
  lines: readonly string[];
  findings: readonly Finding[];
  /** The plan as Markdown (`formatPlanMarkdown`), if any. */
  planMarkdown?: string;
  checkRunUrl?: string;
}

/** Renders `view`, cutting findings and plan sections to fit `limit`. */
export function renderComment(
  view: CommentView,
  limit: number = COMMENT_LIMIT,
): string {
  const head = [COMMENT_MARKER, `### Berth: ${escapeHtml(view.title)}`, ""];
  const status = view.lines.map((line) => `- ${line}`);
  const findings = view.findings.map(findingLine);
  const plan = splitPlan(view.planMarkdown);
  const budget = limit - 1_000;

  const out: string[] = [...head];
  let size = measure(out);
  const take = (lines: string[], separator: string[]): number => {
    let taken = 0;
    for (const line of lines) {
      const cost = line.length + 1 + (taken === 0 ? measure(separator) : 0);
      if (size + cost > budget) break;
      if (taken === 0) out.push(...separator);
      out.push(line);
      size += cost;
      taken += 1;
    }
    return lines.length - taken;
  };

  const cutStatus = take(status, []);
  const cutFindings = take(findings, ["", `**Findings (${findings.length})**`]);
  const cutPlan = take(plan, [""]);
  out.push("", footer(view, { cutStatus, cutFindings, cutPlan }));
  return out.join("\n");
}

function findingLine(finding: Finding): string {
  const where = `${finding.file}:${finding.line}:${finding.column}`;
  const field = finding.path ? ` ${inlineCode(finding.path)}:` : "";
  const hints = [
    finding.found === undefined ? "" : `found ${inlineCode(finding.found)}`,
    finding.expected === undefined ? "" : `expected ${finding.expected}`,
    finding.fix ?? "",
  ].filter(Boolean);
  const tail = hints.length ? ` (${escapeHtml(hints.join("; "))})` : "";
  return (
    `- **${finding.severity}** ${inlineCode(where)}${field} ` +
    `${escapeHtml(finding.message)}${tail}`
  );
}

/** The plan's summary line and its sections, one entry each. */
function splitPlan(markdown: string | undefined): string[] {
  if (!markdown) return [];
  return markdown.split(/\n\n(?=<details)/);
}

function footer(
  view: CommentView,
  cut: { cutStatus: number; cutFindings: number; cutPlan: number },
): string {
  const parts = [
    cut.cutStatus ? `${cut.cutStatus} status lines` : "",
    cut.cutFindings ? `${cut.cutFindings} findings` : "",
    cut.cutPlan ? `${cut.cutPlan} plan sections` : "",
  ].filter(Boolean);
  const link = view.checkRunUrl
    ? `[the Berth check run](${view.checkRunUrl})`
    : "the Berth check run";
  if (parts.length === 0) return `<sub>Details: ${link}.</sub>`;
  return (
    `**Not shown here to stay under GitHub's comment limit:** ` +
    `${parts.join(", ")}. Every finding is in ${link}.`
  );
}

function measure(lines: readonly string[]): number {
  return lines.reduce((n, line) => n + line.length + 1, 0);
}
