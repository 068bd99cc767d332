/**
 * What commands print for the user on stdout. Logs go elsewhere (stderr,
 * structured); this is the one place that writes command results.
 */
export interface Output {
  line(text?: string): void;
  json(value: unknown): void;
}

export const stdoutOutput: Output = {
  line(text = "") {
    process.stdout.write(`${text}\n`);
  },
  json(value) {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  },
};

/** An output that keeps lines in memory, for tests. */
export function memoryOutput(): Output & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    line(text = "") {
      lines.push(text);
    },
    json(value) {
      lines.push(JSON.stringify(value, null, 2));
    },
  };
}
