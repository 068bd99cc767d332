/**
 * `berth gateway down`: removes the gateway's services, then its configs,
 * certificate secrets, TLS volume and network. Environments keep
 * running, with their access tokens; applied again, they publish their
 * ports on the host, and leave the gateway's network, which goes with
 * the next `down`.
 */
import pRetry from "p-retry";
import type { Logger } from "../log.js";
import { DockerApiError } from "../swarm/errors.js";
import { COMPONENT_LABEL } from "../swarm/labels.js";
import type { SwarmClient } from "../swarm/swarm-client.js";
import { authServiceName } from "./gateway-specs.js";

/** Removes gateway `name`; returns the objects removed. */
export async function removeGateway(
  swarm: SwarmClient,
  name: string,
  log: Logger,
): Promise<string[]> {
  const removed: string[] = [];
  for (const service of [name, authServiceName(name)]) {
    if (!(await swarm.inspectService(service))) continue;
    await swarm.removeService(service, { waitForTasks: true });
    removed.push(`service ${service}`);
  }
  const mine = (object: { name: string }) => object.name.startsWith(`${name}_`);
  for (const kind of ["configs", "secrets"] as const) {
    const objects = await swarm.listDataObjects(kind, [COMPONENT_LABEL]);
    for (const object of objects.filter(mine)) {
      await pRetry(
        () =>
          kind === "configs"
            ? swarm.removeConfig(object.id)
            : swarm.removeSecret(object.id),
        { retries: 10, minTimeout: 250, maxTimeout: 1_000 },
      );
      removed.push(`${kind.slice(0, -1)} ${object.name}`);
    }
  }
  await pRetry(() => swarm.removeVolume(`${name}_tls`), {
    retries: 10,
    minTimeout: 250,
    maxTimeout: 1_000,
  });
  const network = await swarm.findNetwork(name);
  if (network && (await removeNetwork(swarm, network.id))) {
    removed.push(`network ${name}`);
  } else if (network) {
    log.warn(
      { network: name },
      "gateway network kept: environments are still attached to it; " +
        "apply them to detach, then run berth gateway down again",
    );
  }
  log.info({ gateway: name, removed: removed.length }, "gateway removed");
  return removed;
}

/** Removes the network; false while environments are attached to it. */
async function removeNetwork(swarm: SwarmClient, id: string) {
  try {
    await pRetry(() => swarm.removeNetwork(id), {
      retries: 8,
      minTimeout: 250,
      maxTimeout: 1_000,
    });
    return true;
  } catch (error) {
    if (error instanceof DockerApiError) return false;
    throw error;
  }
}
