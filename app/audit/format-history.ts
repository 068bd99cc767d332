/** Renders history entries as a plain-text table for a terminal. */
import type { HistoryEntry } from "./history-entries.js";

const HEADERS = ["TIME", "EVENT", "WHO", "COMMIT", "PR", "TOOK", "DETAIL"];
const MAX_DETAIL = 72;

/** One line per entry under a header; columns padded to fit. */
export function formatHistoryTable(entries: readonly HistoryEntry[]): string[] {
  const rows = entries.map((entry) =>
    [
      entry.time.replace("T", " ").replace(/\.\d+Z$/, "Z"),
      entry.via ? `${entry.kind} (${entry.via})` : entry.kind,
      entry.who,
      entry.commit?.slice(0, 12) ?? "",
      entry.pullRequest ? `#${entry.pullRequest}` : "",
      entry.durationMs === undefined ? "" : seconds(entry.durationMs),
      clip(entry.summary),
    ].map(printable),
  );
  const widths = HEADERS.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column]!.length)),
  );
  return [HEADERS, ...rows].map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join("  ")
      .trimEnd(),
  );
}

/** Control characters could move the cursor or recolour the terminal. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= MAX_DETAIL) return line;
  return `${line.slice(0, MAX_DETAIL - 1)}…`;
}
