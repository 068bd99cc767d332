/**
 * One environment from a built image until its URL answers: Berth's plan
 * and apply against `docker stack deploy` of the same Compose file, run
 * alternately, each removed before the next run.
 */
import { destroyEnvironment } from "../app/applier/destroy-environment.js";
import { readEnvironmentStatus } from "../app/engine/environment-status.js";
import { loadEnvironments } from "../app/repo/load-environments.js";
import type { Snapshot } from "../app/repo/snapshot.js";
import type { SwarmClient } from "../app/swarm/swarm-client.js";
import { applySnapshot } from "./berth-apply.js";
import { benchLog } from "./bench-logger.js";
import type { BenchRepo } from "./bench-repo.js";
import { webManifest } from "./bench-manifests.js";
import { removeBenchObjects } from "./remove-bench-objects.js";
import {
  deployStack,
  removeStack,
  writeStackFile,
  type StackFile,
} from "./stack-deploy.js";
import type { Row } from "./table.js";
import { median, seconds, timed } from "./timing.js";
import { waitForUrl } from "./wait-url.js";

const ENV = "bn-apply";
const STACK = "bn-stack";

/** Runs each way `runs` times after one untimed warm-up of each. */
export async function benchApplyVsStack(
  swarm: SwarmClient,
  repo: BenchRepo,
  runs: number,
): Promise<Row[]> {
  const snapshot = await repo.commit([webManifest(ENV)]);
  const stack = await stackFileFor(swarm, snapshot);
  const berth: number[] = [];
  const docker: number[] = [];
  try {
    // The warm-up also builds the image, so no timed run builds it.
    await berthRun(swarm, snapshot);
    await stackRun(swarm, stack);
    for (let run = 0; run < runs; run++) {
      berth.push(await berthRun(swarm, snapshot));
      docker.push(await stackRun(swarm, stack));
    }
  } finally {
    await stack.dispose();
    await snapshot.dispose();
  }
  return rows(berth, docker);
}

async function stackFileFor(swarm: SwarmClient, snapshot: Snapshot) {
  const loaded = await loadEnvironments(snapshot.dir);
  const manifest = loaded.manifests[0]?.manifest;
  const template = loaded.templates.get("web");
  if (!manifest || !template) throw new Error("bench repository is broken");
  return writeStackFile(swarm, template, manifest, STACK);
}

async function berthRun(swarm: SwarmClient, snapshot: Snapshot) {
  const { ms } = await timed(async () => {
    await applySnapshot(swarm, snapshot, [ENV], 1);
    const [status] = await readEnvironmentStatus(swarm, [ENV]);
    const url = status?.access.find((a) => a.protocol === "http")?.url;
    if (!url) throw new Error(`${ENV} has no http access URL`);
    await waitForUrl(url);
  });
  await destroyEnvironment(swarm, ENV, { purgeData: true, log: benchLog });
  await removeBenchObjects(swarm, `${ENV}_`);
  return ms;
}

async function stackRun(swarm: SwarmClient, stack: StackFile) {
  const { ms } = await timed(async () => {
    await deployStack(stack.path, STACK);
    await waitForUrl(stack.url);
  });
  await removeStack(swarm, STACK);
  return ms;
}

function rows(berth: number[], docker: number[]): Row[] {
  const ratio = median(berth) / median(docker);
  const of = `median of ${berth.length}`;
  return [
    { measure: `apply 1 env, Berth (${of})`, value: seconds(median(berth)) },
    {
      measure: `apply 1 env, docker stack deploy (${of})`,
      value: seconds(median(docker)),
    },
    {
      measure: "apply ratio Berth / docker",
      value: ratio.toFixed(2),
      target: "<= 1.2",
      met: ratio <= 1.2,
    },
  ];
}
