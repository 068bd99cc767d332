/**
 * Chooses the host port each access port is published on. A port already
 * published by the live service is kept, so re-applying changes nothing;
 * a new one gets the first free port from a stable starting point derived
 * from its name, so plans are reproducible.
 */
import { createHash } from "node:crypto";
import type { LiveService } from "../swarm/live-types.js";
import type { Manifest } from "../manifest/types.js";
import { publishedPortKey } from "../render/names.js";

export interface PortRange {
  first: number;
  last: number;
}

export const DEFAULT_PORT_RANGE: PortRange = { first: 20000, last: 29999 };

/**
 * The range new access ports are published from: `BERTH_PORT_RANGE`
 * (`FIRST-LAST`), or 20000-29999.
 * @throws Error naming the setting when it is malformed.
 */
export function configuredPortRange(
  text = process.env.BERTH_PORT_RANGE,
): PortRange {
  if (!text) return DEFAULT_PORT_RANGE;
  const match = /^\s*(\d{1,5})\s*-\s*(\d{1,5})\s*$/.exec(text);
  const first = Number(match?.[1]);
  const last = Number(match?.[2]);
  if (!match || first < 1024 || last > 65535 || first > last) {
    throw new Error(
      `BERTH_PORT_RANGE is ${JSON.stringify(text)}; set it to two ports ` +
        "between 1024 and 65535, such as 20000-29999",
    );
  }
  return { first, last };
}

/** Host ports published by live services, by service name and target. */
export function livePublishedPorts(
  services: readonly LiveService[],
): Map<string, Map<number, number>> {
  const byService = new Map<string, Map<number, number>>();
  for (const service of services) {
    const ports = new Map<number, number>();
    for (const port of service.spec.EndpointSpec?.Ports ?? []) {
      if (port.PublishedPort) ports.set(port.TargetPort, port.PublishedPort);
    }
    byService.set(service.name, ports);
  }
  return byService;
}

/**
 * Returns `publishedPorts` for rendering one manifest: key
 * `service:port` -> host port. `taken` holds every host port already in use
 * (by live services or earlier allocations) and is updated.
 */
export function allocatePorts(
  manifest: Manifest,
  live: Map<string, Map<number, number>>,
  taken: Set<number>,
  range: PortRange = configuredPortRange(),
): Record<string, number> {
  const env = manifest.metadata.name;
  const result: Record<string, number> = {};
  for (const access of manifest.spec.access.ports) {
    const key = publishedPortKey(access.service, access.port);
    const kept = live.get(`${env}_${access.service}`)?.get(access.port);
    const port = kept ?? firstFree(`${env}:${key}`, taken, range);
    taken.add(port);
    result[key] = port;
  }
  return result;
}

/** Every host port published by any live service. */
export function takenPorts(services: readonly LiveService[]): Set<number> {
  const taken = new Set<number>();
  for (const ports of livePublishedPorts(services).values()) {
    for (const port of ports.values()) taken.add(port);
  }
  return taken;
}

/**
 * The first port of `range` not in `taken`, searching from a start that
 * is hashed from `seed`, so the same seed gets the same port.
 */
export function firstFree(
  seed: string,
  taken: Set<number>,
  range: PortRange,
): number {
  const size = range.last - range.first + 1;
  const start = createHash("sha256").update(seed).digest().readUInt32BE(0);
  for (let i = 0; i < size; i++) {
    const port = range.first + ((start + i) % size);
    if (!taken.has(port)) return port;
  }
  throw new Error(
    `no free host port left in ${range.first}-${range.last}; ` +
      "destroy unused environments or widen BERTH_PORT_RANGE",
  );
}
