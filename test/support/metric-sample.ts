/**
 * Reads one sample from Prometheus' text format, by metric name and
 * labels in the order the registry prints them.
 */

/** The value of `name{labels}` in `text`; undefined when absent. */
export function metricSample(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const series = pairs.length ? `${name}{${pairs.join(",")}}` : name;
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length));
}
