/**
 * Many environments at once: the same `count` environments applied one
 * at a time and `count` at a time, each until every task is healthy, with
 * everything removed between the two.
 */
import type { SwarmClient } from "../app/swarm/swarm-client.js";
import { applySnapshot } from "./berth-apply.js";
import type { BenchRepo } from "./bench-repo.js";
import { webManifests } from "./bench-manifests.js";
import { removeBenchObjects } from "./remove-bench-objects.js";
import type { Row } from "./table.js";
import { seconds, timed } from "./timing.js";

const PREFIX = "bn-many";

/** Applies `count` environments serially, then all concurrently. */
export async function benchConcurrency(
  swarm: SwarmClient,
  repo: BenchRepo,
  count: number,
): Promise<Row[]> {
  const snapshot = await repo.commit(webManifests(PREFIX, count));
  const applyWith = async (concurrency: number) => {
    const { ms } = await timed(() =>
      applySnapshot(swarm, snapshot, [], concurrency),
    );
    await removeBenchObjects(swarm, `${PREFIX}-`);
    return ms;
  };
  try {
    const serial = await applyWith(1);
    const parallel = await applyWith(count);
    const speedup = serial / parallel;
    return [
      { measure: `apply ${count} envs one at a time`, value: seconds(serial) },
      {
        measure: `apply ${count} envs ${count} at a time`,
        value: seconds(parallel),
      },
      {
        measure: "speed-up of concurrent apply",
        value: `${speedup.toFixed(1)}x`,
        target: ">= 3x",
        met: speedup >= 3,
      },
    ];
  } finally {
    await snapshot.dispose();
    await removeBenchObjects(swarm, `${PREFIX}-`);
  }
}
