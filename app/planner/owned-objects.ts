/**
 * Picks out of the live state the objects that belong to one environment,
 * by their `dev.berth.environment` label.
 */
import { ENVIRONMENT_LABEL } from "../swarm/labels.js";
import type {
  LiveConfig,
  LiveNetwork,
  LiveService,
  LiveState,
  LiveVolume,
} from "../swarm/live-types.js";

export interface OwnedObjects {
  services: LiveService[];
  networks: LiveNetwork[];
  volumes: LiveVolume[];
  configs: LiveConfig[];
}

/** The live objects labelled as belonging to `environment`. */
export function ownedObjects(
  live: LiveState,
  environment: string,
): OwnedObjects {
  const owns = (labels: Record<string, string> | undefined) =>
    labels?.[ENVIRONMENT_LABEL] === environment;

  return {
    services: live.services.filter((s) => owns(s.spec.Labels)),
    networks: live.networks.filter((n) => owns(n.labels)),
    volumes: live.volumes.filter((v) => owns(v.labels)),
    configs: live.configs.filter((c) => owns(c.labels)),
  };
}

/** Network ID to name for every Berth network, plus `extra`. */
export function networkNameMap(
  live: LiveState,
  extra: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  const names = new Map(extra);

  for (const network of live.networks) {
    names.set(network.id, network.name);
  }

  return names;
}

/** Environment names found on live objects, sorted. */
export function liveEnvironments(live: LiveState): string[] {
  const names = new Set<string>();
  const add = (labels: Record<string, string> | undefined) => {
    const name = labels?.[ENVIRONMENT_LABEL];
    if (name) names.add(name);
  };

  live.services.forEach((s) => add(s.spec.Labels));
  live.networks.forEach((n) => add(n.labels));
  live.volumes.forEach((v) => add(v.labels));
  live.configs.forEach((c) => add(c.labels));
  return [...names].sort();
}
