import { describe, expect, it } from "vitest";
import {
  bucketSize,
  durationBuckets,
  percentile,
} from "../../../app/observe/percentiles.js";

const MINUTE = 60_000;

describe("percentile", () => {
  it("interpolates between the nearest ranks", () => {
    const values = [40, 10, 30, 20];

    expect(percentile(values, 0)).toBe(10);
    expect(percentile(values, 50)).toBe(25);
    expect(percentile(values, 100)).toBe(40);
    expect(percentile(values, 95)).toBeCloseTo(38.5);
  });

  it("gives the value itself for one value, NaN for none", () => {
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it("does not reorder the caller's array", () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("durationBuckets", () => {
  it("picks the smallest period that keeps the chart readable", () => {
    expect(bucketSize(30 * MINUTE)).toBe(5 * MINUTE);
    expect(bucketSize(10 * 60 * MINUTE)).toBe(15 * MINUTE);
    expect(bucketSize(3 * 24 * 60 * MINUTE)).toBe(360 * MINUTE);
    expect(bucketSize(10 * 365 * 24 * 60 * MINUTE)).toBe(10080 * MINUTE);
  });

  it("groups applies into periods aligned to UTC, oldest first", () => {
    const buckets = durationBuckets([
      { time: "2026-12-04T07:12:00Z", durationMs: 9_000 },
      { time: "2026-12-04T07:01:00Z", durationMs: 10_000 },
      { time: "2026-12-04T07:03:00Z", durationMs: 20_000 },
      { time: "2026-12-04T07:04:00Z", durationMs: 60_000 },
    ]);

    expect(buckets).toEqual([
      {
        start: "2026-12-04T07:00:00.000Z",
        count: 3,
        p50Ms: 20_000,
        p95Ms: 56_000,
      },
      {
        start: "2026-12-04T07:10:00.000Z",
        count: 1,
        p50Ms: 9_000,
        p95Ms: 9_000,
      },
    ]);
  });

  it("skips events without a usable time or duration", () => {
    expect(
      durationBuckets([
        { time: "yesterday", durationMs: 1 },
        { time: "2026-12-04T07:00:00Z", durationMs: Number.NaN },
      ]),
    ).toEqual([]);
  });
});
