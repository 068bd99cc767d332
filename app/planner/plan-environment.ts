/**
 * Plans one environment: the ordered actions that make the live cluster
 * hold exactly its desired objects, or none of them when it is destroyed.
 */
import type { DesiredEnvironment } from "../render/types.js";
import type { LiveState } from "../swarm/live-types.js";
import { networkNameMap, ownedObjects } from "./owned-objects.js";
import { planServices, removeServices } from "./plan-services.js";
import {
  planCreations,
  planImages,
  removeConfigs,
  removeNetworks,
} from "./plan-supporting.js";
import type { EnvironmentPlan, PlanAction, PlanOptions } from "./types.js";

/**
 * Plans `environment` against the live state. Actions come in the order
 * the applier runs them: image builds, then networks, volumes, configs,
 * services to create or update; then removals of services, configs no
 * longer used and networks. Volumes are never removed here (see
 * `planVolumePurge`). With `desired` undefined the environment is
 * destroyed. Findings are left empty: pre-flight checks fill them.
 */
export function planEnvironment(
  desired: DesiredEnvironment | undefined,
  live: LiveState,
  environment: string,
  options: PlanOptions = {},
): EnvironmentPlan {
  if (desired && desired.name !== environment) {
    throw new Error(
      `planEnvironment got environment ${desired.name} for ${environment}`,
    );
  }

  const owned = ownedObjects(live, environment);
  const networkNames = networkNameMap(live, options.networkNames);
  const desiredServices = desired?.services ?? [];
  const actions: PlanAction[] = [
    ...(desired ? planImages(desired, options.presentImages ?? new Set()) : []),
    ...(desired ? planCreations(desired, owned) : []),
    ...planServices(desiredServices, owned.services, { networkNames }),
    ...removeServices(desiredServices, owned.services),
    ...removeConfigs(desired, owned),
    ...removeNetworks(desired, owned),
  ];

  return { environment, ...(desired && { desired }), actions, findings: [] };
}
