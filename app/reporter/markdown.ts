/** Text helpers for Markdown written to GitHub. */

/**
 * Escapes what GitHub would read as HTML, so that text from manifests can
 * neither hide content nor forge the comment marker.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** Text as inline code, with a fence longer than any backtick run in it. */
export function inlineCode(text: string): string {
  const longest = Math.max(
    0,
    ...(text.match(/`+/g) ?? []).map((run) => run.length),
  );
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}
