/**
 * The provisioning-time chart: median and 95th percentile of apply
 * durations per period, as an inline SVG with no script and no external
 * asset. Each point carries a tooltip with its figures.
 */
import type { DurationBucket } from "./percentiles.js";
import { formatDuration, formatMoment } from "./format-figures.js";
import { html, type SafeHtml } from "./html.js";

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 56, right: 48, top: 16, bottom: 36 };

interface Scale {
  /** Position of a bucket by its start time. */
  x: (bucket: DurationBucket) => number;
  y: (ms: number) => number;
  maxMs: number;
}

/** The chart of `buckets`, or a sentence saying there is nothing yet. */
export function renderProvisioningChart(
  buckets: readonly DurationBucket[],
): SafeHtml {
  if (buckets.length === 0) {
    return html`<p class="empty">
      No environment created by Berth is recorded yet.
    </p>`;
  }
  const scale = scaleFor(buckets);
  return html`<svg
      class="chart"
      viewBox="0 0 ${WIDTH} ${HEIGHT}"
      role="img"
      aria-label="Provisioning time, median and 95th percentile"
    >
      ${gridLines(scale)} ${timeLabels(buckets, scale)}
      ${series(buckets, scale, "p95", (b) => b.p95Ms)}
      ${series(buckets, scale, "p50", (b) => b.p50Ms)}
    </svg>
    <p class="legend">
      <span class="key p50"></span> median <span class="key p95"></span> 95th
      percentile
      <span class="muted"
        >of the time to create an environment until healthy, per period</span
      >
    </p>`;
}

function scaleFor(buckets: readonly DurationBucket[]): Scale {
  const maxMs = niceCeiling(Math.max(...buckets.map((b) => b.p95Ms), 1000));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const first = Date.parse(buckets[0]!.start);
  const span = Date.parse(buckets.at(-1)!.start) - first;
  return {
    x: (bucket) =>
      span > 0
        ? PAD.left + ((Date.parse(bucket.start) - first) / span) * plotWidth
        : PAD.left + plotWidth / 2,
    y: (ms) => PAD.top + plotHeight - (ms / maxMs) * plotHeight,
    maxMs,
  };
}

function gridLines(scale: Scale): SafeHtml[] {
  const steps = ticksFor(scale.maxMs);
  return Array.from({ length: steps + 1 }, (_, step) => {
    const ms = (scale.maxMs * step) / steps;
    const y = round(scale.y(ms));
    return html`<line
        class="grid"
        x1="${PAD.left}"
        x2="${WIDTH - PAD.right}"
        y1="${y}"
        y2="${y}"
      /><text class="axis" x="${PAD.left - 6}" y="${y + 4}" text-anchor="end">
        ${formatDuration(ms)}
      </text>`;
  });
}

/** Grid steps that give round labels: 2 in fours, 1 and 5 in fives. */
function ticksFor(maxMs: number): number {
  const leading = maxMs / 10 ** Math.floor(Math.log10(maxMs));
  return Math.round(leading) === 2 ? 4 : 5;
}

function timeLabels(buckets: readonly DurationBucket[], scale: Scale) {
  const every = Math.max(1, Math.ceil(buckets.length / 6));
  return buckets
    .filter((_bucket, index) => index % every === 0)
    .map(
      (bucket) =>
        html`<text
          class="axis"
          x="${round(scale.x(bucket))}"
          y="${HEIGHT - 12}"
          text-anchor="middle"
          >${shortMoment(bucket.start)}</text
        >`,
    );
}

function series(
  buckets: readonly DurationBucket[],
  scale: Scale,
  name: string,
  value: (bucket: DurationBucket) => number,
): SafeHtml {
  const points = buckets.map((bucket) => ({
    bucket,
    x: round(scale.x(bucket)),
    y: round(scale.y(value(bucket))),
  }));
  const path = points.map((p) => `${p.x},${p.y}`).join(" ");
  return html`<polyline class="line ${name}" points="${path}" /> ${points.map(
      (p) =>
        html`<circle class="dot ${name}" cx="${p.x}" cy="${p.y}" r="3.5">
          <title>
            ${formatMoment(p.bucket.start)}: ${name}
            ${formatDuration(value(p.bucket))} over ${p.bucket.count} applies
          </title></circle
        >`,
    )}`;
}

/** 1, 2 or 5 times a power of ten, at least `ms`. */
function niceCeiling(ms: number): number {
  const power = 10 ** Math.floor(Math.log10(ms));
  const nice = [1, 2, 5, 10].find((m) => m * power >= ms) ?? 10;
  return nice * power;
}

function shortMoment(iso: string): string {
  return iso.slice(5, 16).replace("T", " ");
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
