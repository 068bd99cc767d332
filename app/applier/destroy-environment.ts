/**
 * Removes an environment: its services (waiting until their containers are
 * gone), then its configs and networks. Volumes hold developers' data and
 * are kept unless the caller asks to purge them.
 */
import type { Logger } from "../log.js";
import type { LiveState } from "../swarm/live-types.js";
import type { PlanAction } from "../planner/types.js";
import type { SwarmClient } from "../swarm/swarm-client.js";
import { removeObjects } from "./remove-objects.js";
import { withEnvironmentLock } from "./environment-lock.js";

export interface DestroyResult {
  environment: string;
  removed: string[];
  keptVolumes: string[];
}

const ENV_LABEL = "dev.berth.environment";

/** Lists the remove actions for every live object of `name`. */
export function removalActions(
  live: LiveState,
  name: string,
  purgeData: boolean,
): PlanAction[] {
  const mine = (labels: Record<string, string> | undefined) =>
    labels?.[ENV_LABEL] === name;
  const actions: PlanAction[] = [
    ...live.services
      .filter((s) => mine(s.spec.Labels))
      .map((s) => ({ type: "remove", kind: "service", name: s.name, live: s })),
    ...live.configs
      .filter((c) => mine(c.labels))
      .map((c) => ({ type: "remove", kind: "config", name: c.name, live: c })),
    ...live.networks
      .filter((n) => mine(n.labels))
      .map((n) => ({ type: "remove", kind: "network", name: n.name, live: n })),
  ] as PlanAction[];
  if (purgeData) {
    for (const volume of live.volumes.filter((v) => mine(v.labels))) {
      actions.push({
        type: "remove",
        kind: "volume",
        name: volume.name,
        live: volume,
      });
    }
  }
  return actions;
}

/** Destroys environment `name`; a missing environment is not an error. */
export async function destroyEnvironment(
  swarm: SwarmClient,
  name: string,
  options: { purgeData: boolean; log: Logger },
): Promise<DestroyResult> {
  return withEnvironmentLock(name, async () => {
    const live = await swarm.readLiveState();
    const actions = removalActions(live, name, options.purgeData);
    await removeObjects(swarm, actions, options.log);
    const keptVolumes = options.purgeData
      ? []
      : live.volumes
          .filter((v) => v.labels[ENV_LABEL] === name)
          .map((v) => v.name);
    return {
      environment: name,
      removed: actions.map((a) => `${a.kind} ${a.name}`),
      keptVolumes,
    };
  });
}
