/**
 * CPU counts as Compose writes them (`0.5`, `"2"`), converted to the
 * Engine API's nano-CPUs the way Docker's `ParseCPUs` does: exactly, and
 * refusing more than nine decimal places.
 */
const DECIMAL = /^(\d+)(?:\.(\d{1,9}))?$/;

/** Nano-CPUs of a CPU count such as `0.25`; undefined when invalid. */
export function parseNanoCpus(value: string | number): number | undefined {
  const text = typeof value === "number" ? numberText(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const whole = Number(match[1]) * 1e9;
  const fraction = Number((match[2] ?? "").padEnd(9, "0"));
  return whole + fraction;
}

function numberText(value: number): string {
  return Number.isFinite(value) ? value.toFixed(9).replace(/\.?0+$/, "") : "";
}
