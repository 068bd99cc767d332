/**
 * Plans the removal of an environment's data: its volumes. Kept apart
 * from `planEnvironment`, which never removes volumes, so that data goes
 * only when a user asks for it (`destroy --purge-data`).
 */
import type { LiveState } from "../swarm/live-types.js";
import { ownedObjects } from "./owned-objects.js";
import type { PlanAction } from "./types.js";

/** Remove actions for every volume of `environment`, sorted by name. */
export function planVolumePurge(
  environment: string,
  live: LiveState,
): PlanAction[] {
  return ownedObjects(live, environment)
    .volumes.sort((a, b) => a.name.localeCompare(b.name))
    .map((volume) => ({
      type: "remove",
      kind: "volume",
      name: volume.name,
      live: volume,
    }));
}
