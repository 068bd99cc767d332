/**
 * Keeps label values of metrics few and harmless: anything that is not a
 * short lowercase word becomes `other`, so a hostile or misspelt value
 * cannot create unbounded time series.
 */
const WORD = /^[a-z0-9][a-z0-9_.-]{0,39}$/;

/** `value` when it is a short lowercase word, `other` otherwise. */
export function boundedLabel(value: string | undefined): string {
  if (value === undefined || value === "") return "none";
  return WORD.test(value) ? value : "other";
}
