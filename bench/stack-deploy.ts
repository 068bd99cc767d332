/**
 * Docker's own way to run the same environment: `docker stack deploy`
 * with the Compose file that Berth interpolates for the manifest.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { allocatePorts, takenPorts } from "../app/engine/allocate-ports.js";
import type { Manifest } from "../app/manifest/types.js";
import { interpolatedCompose } from "../app/render/interpolated-compose.js";
import type { SwarmClient } from "../app/swarm/swarm-client.js";
import type { Template } from "../app/template/types.js";
import { dockerCli } from "./docker-cli.js";
import { removeBenchObjects } from "./remove-bench-objects.js";

export interface StackFile {
  path: string;
  /** The URL the stack's access port answers on. */
  url: string;
  dispose(): Promise<void>;
}

/**
 * Writes the Compose file of `manifest`, renamed `stack`, with its access
 * port published in host mode on a free host port.
 */
export async function writeStackFile(
  swarm: SwarmClient,
  template: Template,
  manifest: Manifest,
  stack: string,
): Promise<StackFile> {
  const renamed = { ...manifest, metadata: { ...manifest.metadata } };
  renamed.metadata.name = stack;
  const live = await swarm.readLiveState();
  const ports = allocatePorts(renamed, new Map(), takenPorts(live.services));
  const port = Object.values(ports)[0];
  if (port === undefined) throw new Error(`${stack} publishes no port`);

  const dir = await mkdtemp(join(tmpdir(), "berth-bench-stack-"));
  const path = join(dir, "compose.yaml");
  const text = interpolatedCompose(template, renamed, {
    publishedPorts: ports,
  });
  await writeFile(path, text);
  return {
    path,
    url: `http://127.0.0.1:${port}/`,
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * `docker stack deploy`. Berth's images exist only on this engine and no
 * registry is reachable, so the CLI is told not to ask one for digests,
 * as Berth does not either.
 */
export async function deployStack(path: string, stack: string) {
  await dockerCli(
    "stack",
    "deploy",
    "--resolve-image",
    "never",
    "-c",
    path,
    stack,
  );
}

/** `docker stack rm`, then waits until its containers are gone. */
export async function removeStack(swarm: SwarmClient, stack: string) {
  await dockerCli("stack", "rm", stack);
  await removeBenchObjects(swarm, `${stack}_`);
}
