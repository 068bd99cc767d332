/**
 * Host ports for every manifest of a plan: ports the live services keep,
 * and new ones that neither Berth's services nor anything else on the
 * host uses. A port found busy is skipped and the allocation made again,
 * so a retried apply does not choose the same busy port forever.
 */
import type { ManifestFile } from "../manifest/types.js";
import type { LiveState } from "../swarm/live-types.js";
import {
  allocatePorts,
  livePublishedPorts,
  takenPorts,
} from "./allocate-ports.js";
import type { HostPortProbe } from "./host-port-probe.js";

const MAX_ROUNDS = 10;

/** Published ports by environment name, then by `service:port`. */
export async function allocateAllPorts(
  manifests: readonly ManifestFile[],
  live: LiveState,
  probe: HostPortProbe,
): Promise<Map<string, Record<string, number>>> {
  const published = livePublishedPorts(live.services);
  const kept = takenPorts(live.services);
  const busy = new Set<number>();
  const probed = new Set<number>();

  for (let round = 1; ; round++) {
    const taken = new Set([...kept, ...busy]);
    const result = new Map(
      manifests.map(({ manifest }) => [
        manifest.metadata.name,
        allocatePorts(manifest, published, taken),
      ]),
    );
    const fresh = [...result.values()]
      .flatMap((ports) => Object.values(ports))
      .filter((port) => !kept.has(port) && !probed.has(port));
    fresh.forEach((port) => probed.add(port));
    const found = await probe(fresh);
    if (found.length === 0 || round >= MAX_ROUNDS) return result;
    found.forEach((port) => busy.add(port));
  }
}
