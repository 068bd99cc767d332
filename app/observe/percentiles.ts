/**
 * Percentiles of apply durations and their course over time, for the
 * provisioning chart. Pure functions of the events they are given.
 */

/** One period of the chart: how many applies ended in it, p50 and p95. */
export interface DurationBucket {
  /** Start of the period, ISO 8601. */
  start: string;
  count: number;
  p50Ms: number;
  p95Ms: number;
}

export interface TimedDuration {
  /** When the apply ended, ISO 8601. */
  time: string;
  durationMs: number;
}

const MINUTE = 60_000;
const BUCKET_SIZES = [5, 15, 60, 360, 1440, 10080].map((m) => m * MINUTE);
const MAX_BUCKETS = 48;

/**
 * The `p`-th percentile (0-100) of `values`, interpolating linearly
 * between the two nearest ranks; NaN for no values.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

/** The smallest period that shows `spanMs` in at most 48 buckets. */
export function bucketSize(spanMs: number): number {
  return (
    BUCKET_SIZES.find((size) => spanMs / size < MAX_BUCKETS) ??
    BUCKET_SIZES.at(-1)!
  );
}

/**
 * Groups `durations` into periods aligned to UTC and returns each
 * period that has at least one apply, oldest first.
 */
export function durationBuckets(
  durations: readonly TimedDuration[],
): DurationBucket[] {
  const timed = durations
    .map((d) => ({ at: Date.parse(d.time), ms: d.durationMs }))
    .filter((d) => Number.isFinite(d.at) && Number.isFinite(d.ms));
  if (timed.length === 0) return [];

  const times = timed.map((d) => d.at);
  const size = bucketSize(Math.max(...times) - Math.min(...times));
  const groups = new Map<number, number[]>();
  for (const { at, ms } of timed) {
    const start = Math.floor(at / size) * size;
    groups.set(start, [...(groups.get(start) ?? []), ms]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, values]) => ({
      start: new Date(start).toISOString(),
      count: values.length,
      p50Ms: percentile(values, 50),
      p95Ms: percentile(values, 95),
    }));
}
