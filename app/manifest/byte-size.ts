const UNITS = ["KiB", "MiB", "GiB", "TiB"] as const;

/** Formats a byte count for people, e.g. `1.3 MiB (1,363,149 bytes)`. */
export function describeByteSize(bytes: number): string {
  const exact = `${bytes.toLocaleString("en-US")} bytes`;
  if (bytes < 1024) return exact;

  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = Number.isInteger(value) ? `${value}` : value.toFixed(1);
  return `${rounded} ${UNITS[unit]} (${exact})`;
}
