/**
 * Durations as Compose writes them (Go's `time.ParseDuration` syntax:
 * `90s`, `1m30s`, `500ms`), converted to nanoseconds for the Engine API.
 */
const UNIT_NANOS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/**
 * Parses a Go duration such as `1m30s` into nanoseconds; returns
 * undefined when the text is not one. Negative durations are refused.
 */
export function parseGoDuration(text: string): number | undefined {
  const value = text.startsWith("+") ? text.slice(1) : text;
  if (value === "0") return 0;
  if (value === "") return undefined;

  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < value.length) {
    const start = PART.lastIndex;
    const match = PART.exec(value);
    if (!match || match.index !== start) return undefined;
    total += Number(match[1]) * (UNIT_NANOS[match[2] ?? ""] ?? 0);
  }
  return Math.round(total);
}
