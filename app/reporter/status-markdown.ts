/** Environment statuses as a Markdown table for a reply comment. */
import type { EnvironmentStatus } from "../engine/environment-status.js";

/** A table of state, URLs, commit and expiry; a sentence when empty. */
export function formatStatusMarkdown(
  statuses: readonly EnvironmentStatus[],
): string {
  if (statuses.length === 0) {
    return "No environment of this pull request runs.";
  }
  const rows = statuses.map((env) =>
    [
      `\`${env.name}\``,
      env.state,
      env.access.map((a) => `<${a.url}>`).join(" ") || "-",
      env.commit ? `\`${env.commit.slice(0, 7)}\`` : "-",
      env.expiresAt ?? "-",
    ].join(" | "),
  );
  return [
    "| environment | state | access | commit | expires |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map((row) => `| ${row} |`),
  ].join("\n");
}
