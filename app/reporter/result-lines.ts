/** Status lines of an apply, for the pull request comment. */
import type { EnvironmentResult } from "../github/apply-results.js";
import { escapeHtml } from "./markdown.js";

/** One line per environment: outcome, access URLs or why it failed. */
export function resultLines(results: readonly EnvironmentResult[]): string[] {
  return results.map((result) => {
    const name = `\`${result.environment}\``;
    const urls = result.urls.map((u) => `<${u}>`).join(", ");
    const reason = result.reason
      ? `: ${escapeHtml(result.reason.split("\n")[0] ?? "")}`
      : "";
    return `${name} ${result.outcome}${urls ? `: ${urls}` : ""}${reason}`;
  });
}
