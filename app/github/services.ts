/** Creates the long-lived services of `berth serve`, state loaded. */
import type { Logger } from "../log.js";
import { SwarmClient } from "../swarm/swarm-client.js";
import type { BerthServices } from "./job.js";
import { AppliedCommits } from "./applied-commits.js";
import { DeliveryLog } from "./delivery-log.js";
import { EnvironmentLocks } from "./environment-locks.js";
import { KeyedMutex } from "./keyed-mutex.js";
import { WorkQueue } from "./work-queue.js";

/** Services with the state of `$BERTH_STATE_DIR/github` loaded. */
export async function createServices(
  log: Logger,
  swarm: SwarmClient = new SwarmClient(),
): Promise<BerthServices> {
  const services: BerthServices = {
    swarm,
    queue: new WorkQueue(),
    deliveries: new DeliveryLog(),
    locks: new EnvironmentLocks(),
    applied: new AppliedCommits(),
    environments: new KeyedMutex(),
    checkUrls: new Map(),
  };
  await services.deliveries.load();
  await services.locks.load();
  await services.applied.load();
  return services;
}
