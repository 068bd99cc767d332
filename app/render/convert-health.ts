/**
 * A Compose healthcheck to the Engine API's, durations in nanoseconds.
 */
import type { HealthConfig } from "../swarm/spec-types.js";
import type { ComposeService } from "../template/compose-schema.js";
import { healthTest } from "../template/compose-values.js";
import { parseGoDuration } from "../template/go-duration.js";

/** The healthcheck of a service, or undefined when it has none. */
export function convertHealthcheck(
  health: ComposeService["healthcheck"],
): HealthConfig | undefined {
  if (!health) return undefined;
  if (health.disable) return { Test: ["NONE"] };

  const result: HealthConfig = {};
  if (health.test !== undefined) result.Test = healthTest(health.test);
  setDuration(result, "Interval", health.interval);
  setDuration(result, "Timeout", health.timeout);
  if (health.retries) result.Retries = health.retries;
  setDuration(result, "StartPeriod", health.start_period);
  return result;
}

function setDuration(
  target: HealthConfig,
  key: "Interval" | "Timeout" | "StartPeriod",
  value: string | undefined,
) {
  const nanos = value === undefined ? undefined : parseGoDuration(value);
  if (nanos) target[key] = nanos;
}

/** Nanoseconds of an optional Compose duration. */
export function nanosOf(value: string | undefined): number | undefined {
  return value === undefined ? undefined : parseGoDuration(value);
}
