/**
 * Memory sizes as Compose writes them (`512m`, `1g`, `256Mi`, or a number
 * of bytes), read the way Docker's `RAMInBytes` reads them: every unit is
 * binary, so `1g` and `1Gi` are both 1073741824 bytes.
 */
const SIZE = /^(\d+(?:\.\d+)?) ?([kmgtp])?i?b?$/i;
const POWERS: Record<string, number> = { k: 1, m: 2, g: 3, t: 4, p: 5 };

/** Bytes of a size such as `512m` or `256Mi`; undefined when invalid. */
export function parseByteSize(value: string | number): number | undefined {
  if (typeof value === "number") {
    return Number.isInteger(value) && value >= 0 ? value : undefined;
  }
  const match = SIZE.exec(value.trim());
  if (!match) return undefined;
  const power = POWERS[(match[2] ?? "").toLowerCase()] ?? 0;
  return Math.trunc(Number(match[1]) * 1024 ** power);
}
