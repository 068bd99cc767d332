/** Short human forms of durations, sizes and moments for the dashboard. */

/** `42 s`, `3 min`, `5 h`, `2 d`: the largest unit, rounded. */
export function formatSpan(seconds: number): string {
  const s = Math.abs(seconds);
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 86_400) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} d`;
}

/** `12.3 s` for durations under ten minutes, else as formatSpan. */
export function formatDuration(ms: number): string {
  return ms < 600_000 ? `${(ms / 1000).toFixed(1)} s` : formatSpan(ms / 1000);
}

/** `in 6 d` or `2 h ago`, relative to `now`. */
export function formatRelative(iso: string, now: Date): string {
  const seconds = (Date.parse(iso) - now.getTime()) / 1000;
  if (!Number.isFinite(seconds)) return "";
  return seconds >= 0
    ? `in ${formatSpan(seconds)}`
    : `${formatSpan(seconds)} ago`;
}

/** `512 MiB`, `3.8 GiB`. */
export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = value < 10 && unit > 0 ? 1 : 0;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/** `2026-12-04 07:05 UTC`. */
export function formatMoment(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
