/**
 * The known word closest to `word`, when it is near enough to be a likely
 * typo: equal ignoring case, or within one edit per three letters (at most
 * two), counting a swap of neighbours as one edit.
 */
export function closestWord(
  word: string,
  known: readonly string[],
): string | undefined {
  const lower = word.toLowerCase();
  const allowed = Math.min(2, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Optimal string alignment distance (Levenshtein plus swaps of neighbours),
 * capped at 3 when the lengths differ by more than two.
 */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) {
    rows.push([i, ...Array<number>(b.length).fill(0)]);
  }
  for (let j = 0; j <= b.length; j += 1) (rows[0] as number[])[j] = j;

  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        cell(rows, i - 1, j) + 1,
        cell(rows, i, j - 1) + 1,
        cell(rows, i - 1, j - 1) + cost,
      );
      const swapped =
        i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1];
      if (swapped) value = Math.min(value, cell(rows, i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = value;
    }
  }
  return cell(rows, a.length, b.length);
}

function cell(rows: readonly number[][], i: number, j: number): number {
  return rows[i]?.[j] ?? 0;
}
