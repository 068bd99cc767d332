/**
 * Plans the services of one environment: create what is missing, update
 * what differs, leave the rest, remove what is no longer desired.
 */
import type { DesiredService } from "../render/types.js";
import type { LiveService } from "../swarm/live-types.js";
import { changesRestartTasks, compareServiceSpecs } from "./compare-service.js";
import type { NormaliseOptions } from "./normalise-spec.js";
import type { PlanAction } from "./types.js";

/** Create, update or unchanged actions, in the order of `desired`. */
export function planServices(
  desired: readonly DesiredService[],
  live: readonly LiveService[],
  options: NormaliseOptions,
): PlanAction[] {
  return desired.map((service) => {
    const current = live.find((l) => l.name === service.name);

    if (!current) {
      return {
        type: "create",
        kind: "service",
        name: service.name,
        desired: service,
      };
    }

    const changes = compareServiceSpecs(service.spec, current.spec, options);

    if (changes.length === 0) {
      return { type: "unchanged", kind: "service", name: service.name };
    }

    return {
      type: "update",
      kind: "service",
      name: service.name,
      desired: service,
      live: current,
      changes,
      restartsTasks: changesRestartTasks(changes),
    };
  });
}

/** Remove actions for live services that are no longer desired. */
export function removeServices(
  desired: readonly DesiredService[],
  live: readonly LiveService[],
): PlanAction[] {
  const wanted = new Set(desired.map((service) => service.name));

  return live
    .filter((service) => !wanted.has(service.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((service) => ({
      type: "remove",
      kind: "service",
      name: service.name,
      live: service,
    }));
}
