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

/**
 * Live objects by environment, indexed once per live state: a plan of
 * many environments looks each one up instead of scanning every object
 * for each of them. A live state is a snapshot and never changes.
 */
const byLiveState = new WeakMap<LiveState, Map<string, OwnedObjects>>();
const namesByLiveState = new WeakMap<LiveState, Map<string, string>>();
const NONE: OwnedObjects = Object.freeze({
  services: [],
  networks: [],
  volumes: [],
  configs: [],
});

/** The live objects labelled as belonging to `environment`. */
export function ownedObjects(
  live: LiveState,
  environment: string,
): OwnedObjects {
  let index = byLiveState.get(live);
  if (!index) {
    index = indexByEnvironment(live);
    byLiveState.set(live, index);
  }
  const owned = index.get(environment) ?? NONE;
  return {
    services: [...owned.services],
    networks: [...owned.networks],
    volumes: [...owned.volumes],
    configs: [...owned.configs],
  };
}

function indexByEnvironment(live: LiveState): Map<string, OwnedObjects> {
  const index = new Map<string, OwnedObjects>();
  const entry = (labels: Record<string, string> | undefined) => {
    const name = labels?.[ENVIRONMENT_LABEL];
    if (name === undefined) return undefined;
    let owned = index.get(name);
    if (!owned) {
      owned = { services: [], networks: [], volumes: [], configs: [] };
      index.set(name, owned);
    }
    return owned;
  };

  for (const s of live.services) entry(s.spec.Labels)?.services.push(s);
  for (const n of live.networks) entry(n.labels)?.networks.push(n);
  for (const v of live.volumes) entry(v.labels)?.volumes.push(v);
  for (const c of live.configs) entry(c.labels)?.configs.push(c);
  return index;
}

/** Network ID to name for every Berth network, plus `extra`. */
export function networkNameMap(
  live: LiveState,
  extra: ReadonlyMap<string, string> = new Map(),
): ReadonlyMap<string, string> {
  let names = namesByLiveState.get(live);
  if (!names) {
    names = new Map(live.networks.map((n) => [n.id, n.name]));
    namesByLiveState.set(live, names);
  }
  if (extra.size === 0) return names;
  return new Map([...extra, ...names]);
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
