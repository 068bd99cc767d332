/**
 * Extends an environment's life by a duration: its expiry is the time of
 * its last update plus `dev.berth.expires-after`, so its services are
 * relabelled now with the time it had left plus the extension. Only
 * labels change: no task restarts. The next apply of its manifest sets
 * the manifest's own duration again.
 */
import type { LiveService } from "../swarm/live-types.js";
import type { SwarmClient } from "../swarm/swarm-client.js";
import { withEnvironmentLock } from "../applier/environment-lock.js";
import { ENVIRONMENT_LABEL, EXPIRES_AFTER_LABEL } from "../swarm/labels.js";

/**
 * Adds `seconds` to the life of `environment`; returns its new expiry, or
 * undefined when it does not run.
 */
export async function extendEnvironment(
  swarm: SwarmClient,
  environment: string,
  seconds: number,
): Promise<Date | undefined> {
  // TODO: keep extensions in the state folder and render them into the
  // labels, so that an apply of an unchanged manifest keeps the extension.
  return withEnvironmentLock(environment, async () => {
    const live = await swarm.readLiveState();
    const services = live.services.filter(
      (s) => s.spec.Labels?.[ENVIRONMENT_LABEL] === environment,
    );
    const left = Math.max(0, ...services.map(secondsLeft));
    for (const service of services) {
      await swarm.updateService(service, {
        ...service.spec,
        Labels: {
          ...service.spec.Labels,
          [EXPIRES_AFTER_LABEL]: String(Math.round(left + seconds)),
        },
      });
    }
    if (services.length === 0) return undefined;
    return new Date(Date.now() + Math.round(left + seconds) * 1000);
  });
}

/** Seconds until `service` expires; 0 when it has expired or never does. */
function secondsLeft(service: LiveService): number {
  const after = Number(service.spec.Labels?.[EXPIRES_AFTER_LABEL]);
  const since = Date.parse(service.updatedAt ?? "");
  if (!Number.isFinite(after) || !Number.isFinite(since)) return 0;
  return Math.max(0, since / 1000 + after - Date.now() / 1000);
}
