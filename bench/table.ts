/** The bench's result table, in Markdown. */

export interface Row {
  measure: string;
  value: string;
  target?: string;
  /** Whether the target is met; undefined when the row has none. */
  met?: boolean;
}

const HEADER = ["measure", "value", "target", "met"];

/** Renders `rows` as a Markdown table with aligned columns. */
export function formatTable(rows: readonly Row[]): string {
  const cells = rows.map((row) => [
    row.measure,
    row.value,
    row.target ?? "",
    row.met === undefined ? "" : row.met ? "yes" : "NO",
  ]);
  const widths = HEADER.map((title, column) =>
    Math.max(title.length, ...cells.map((line) => line[column]!.length)),
  );
  const line = (values: string[]) =>
    `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(" | ")} |`;
  const rule = `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`;
  return [line(HEADER), rule, ...cells.map(line)].join("\n");
}
