/**
 * Removes the objects a plan no longer wants, services first so that the
 * configs and networks they used are free. Docker refuses to remove a
 * network or config while a stopping task still holds it, so those removals
 * are retried for a while.
 */
import pRetry from "p-retry";
import type { Logger } from "../log.js";
import type { PlanAction } from "../planner/types.js";
import type { SwarmClient } from "../swarm/swarm-client.js";

const ORDER = ["service", "config", "network", "volume"] as const;

/** Executes the `remove` actions among `actions`, in a safe order. */
export async function removeObjects(
  swarm: SwarmClient,
  actions: PlanAction[],
  log: Logger,
): Promise<void> {
  for (const kind of ORDER) {
    for (const action of actions) {
      if (action.type !== "remove" || action.kind !== kind) continue;
      await pRetry(() => removeOne(swarm, action), {
        retries: 20,
        minTimeout: 250,
        maxTimeout: 1_000,
      });
      log.info(
        { action: "remove", object: kind, name: action.name },
        "changed",
      );
    }
  }
}

function removeOne(
  swarm: SwarmClient,
  action: Extract<PlanAction, { type: "remove" }>,
): Promise<void> {
  switch (action.kind) {
    case "service":
      return swarm.removeService(action.live.id, { waitForTasks: true });
    case "config":
      return swarm.removeConfig(action.live.id);
    case "network":
      return swarm.removeNetwork(action.live.id);
    case "volume":
      return swarm.removeVolume(action.live.name);
  }
}
