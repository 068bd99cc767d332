/**
 * Removes what the bench made: every service, config, network and volume
 * whose name starts with a prefix that itself starts with `bn-`, waiting
 * until the services' containers are gone. Nothing else is ever touched.
 */
import pLimit from "p-limit";
import { setTimeout as sleep } from "node:timers/promises";
import type { SwarmClient } from "../app/swarm/swarm-client.js";
import { dockerCli, lines } from "./docker-cli.js";

export const BENCH_PREFIX = "bn-";

type Kind = "service" | "config" | "network" | "volume";

/** Removes every bench object named `prefix...` (default: all of them). */
export async function removeBenchObjects(
  swarm: SwarmClient,
  prefix = BENCH_PREFIX,
): Promise<void> {
  if (!prefix.startsWith(BENCH_PREFIX)) {
    throw new Error(`refusing to remove objects outside ${BENCH_PREFIX}*`);
  }
  const owned = (name: string) => name.startsWith(prefix);

  const services = (await listNames("service")).filter(owned);
  await removeAll(services, (name) => swarm.removeService(name));
  await waitContainersGone(owned);

  const configs = (await listNames("config")).filter(owned);
  await removeAll(configs, (name) => swarm.removeConfig(name));
  await removeNetworks(swarm, owned);
  const volumes = (await listNames("volume")).filter(owned);
  await removeAll(volumes, (name) => swarm.removeVolume(name));
}

async function listNames(kind: Kind): Promise<string[]> {
  return lines(await dockerCli(kind, "ls", "--format", "{{.Name}}"));
}

async function removeAll(
  names: string[],
  remove: (name: string) => Promise<void>,
): Promise<void> {
  const limit = pLimit(16);
  await Promise.all(names.map((name) => limit(() => remove(name))));
}

/** Waits until no container of a removed service is left. */
export async function waitContainersGone(
  owned: (name: string) => boolean,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = await dockerCli("ps", "-a", "--format", "{{.Names}}");
    const left = lines(names).filter(owned);
    if (left.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`containers still there: ${left.join(", ")}`);
    }
    await sleep(200);
  }
}

/** A network stays busy for a moment after its last task: retry. */
async function removeNetworks(
  swarm: SwarmClient,
  owned: (name: string) => boolean,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const networks = (await listNames("network")).filter(owned);
    if (networks.length === 0) return;
    try {
      await removeAll(networks, (name) => swarm.removeNetwork(name));
    } catch (err) {
      if (attempt >= 20) throw err;
      await sleep(500);
    }
  }
}
