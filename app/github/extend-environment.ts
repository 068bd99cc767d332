/**
 * Extends an environment's life: its expiry is the time of its last
 * update plus `dev.berth.expires-after`, so relabelling its services now
 * with the new duration moves the expiry to now + duration. Only labels
 * change: no task restarts. The next apply of its manifest sets the
 * manifest's own duration again.
 */
import type { SwarmClient } from "../swarm/swarm-client.js";
import { withEnvironmentLock } from "../applier/environment-lock.js";
import { ENVIRONMENT_LABEL, EXPIRES_AFTER_LABEL } from "../swarm/labels.js";

/** Sets `seconds` to live from now on `environment`; false if absent. */
export async function extendEnvironment(
  swarm: SwarmClient,
  environment: string,
  seconds: number,
): Promise<boolean> {
  // TODO: keep extensions in the state folder and render them into the
  // labels, so that an apply of an unchanged manifest keeps the extension.
  return withEnvironmentLock(environment, async () => {
    const live = await swarm.readLiveState();
    const services = live.services.filter(
      (s) => s.spec.Labels?.[ENVIRONMENT_LABEL] === environment,
    );
    for (const service of services) {
      await swarm.updateService(service, {
        ...service.spec,
        Labels: {
          ...service.spec.Labels,
          [EXPIRES_AFTER_LABEL]: String(seconds),
        },
      });
    }
    return services.length > 0;
  });
}
