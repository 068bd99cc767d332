/**
 * The gateway's input to rendering each environment of a plan: the
 * gateway network to join, an SSH port (kept once given) and the owners'
 * keys. Empty when no gateway runs, so that without a gateway
 * environments render exactly as before.
 */
import type { ManifestFile } from "../manifest/types.js";
import type { GatewayRouting } from "../render/gateway-routing.js";
import { serviceName } from "../render/names.js";
import { ownersOf } from "../render/workspace.js";
import type { LiveState } from "../swarm/live-types.js";
import type { SwarmClient } from "../swarm/swarm-client.js";
import type { TemplateSet } from "../template/types.js";
import {
  firstFree,
  livePublishedPorts,
  takenPorts,
} from "../engine/allocate-ports.js";
import { gatewayName, sshPortRange } from "./gateway-settings.js";
import { authorizedKeys, localKeySource } from "./ssh-keys.js";

/** Routing of each environment by name; empty without a gateway. */
export async function planRouting(
  swarm: SwarmClient,
  manifests: readonly ManifestFile[],
  templates: TemplateSet,
  live: LiveState,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Map<string, GatewayRouting>> {
  const routing = new Map<string, GatewayRouting>();
  // The gateway's service names its network by ID: one request for both.
  const gateway = await swarm.inspectService(gatewayName(env));
  const networkId = gateway?.spec.TaskTemplate.Networks?.[0]?.Target;
  if (!networkId) return routing;

  const range = sshPortRange(env);
  const published = livePublishedPorts(live.services);
  const taken = takenPorts(live.services);
  const keysDir = env.BERTH_SSH_KEYS_DIR;
  const source = keysDir ? localKeySource(keysDir) : undefined;
  for (const { manifest } of manifests) {
    const name = manifest.metadata.name;
    const template = templates.get(manifest.spec.template);
    if (!template) continue;
    const workspace = serviceName(name, template.workspace);
    const sshPort =
      published.get(workspace)?.get(22) ??
      firstFree(`${name}:ssh`, taken, range);
    taken.add(sshPort);
    const keys = source ? await authorizedKeys(source, ownersOf(manifest)) : "";
    routing.set(name, {
      networkId,
      sshPort,
      ...(keys ? { authorizedKeys: keys } : {}),
    });
  }
  return routing;
}
