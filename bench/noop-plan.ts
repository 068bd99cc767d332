/**
 * Planning a commit that changes nothing, over many environments: each
 * of `count` idle environments (services with no task) is applied once,
 * then the same commit is planned again. The plan must be all unchanged,
 * cost a handful of Engine API requests whatever the count, and be quick.
 */
import { planRepository } from "../app/engine/plan-repository.js";
import type { SwarmClient } from "../app/swarm/swarm-client.js";
import { applySnapshot } from "./berth-apply.js";
import { benchLog } from "./bench-logger.js";
import type { BenchRepo } from "./bench-repo.js";
import { webManifests } from "./bench-manifests.js";
import { removeBenchObjects } from "./remove-bench-objects.js";
import type { Row } from "./table.js";
import { median, seconds, timed } from "./timing.js";

const PREFIX = "bn-idle";
const MAX_CALLS = 10;
const RUNS = 5;

/** Applies `count` idle environments, then times no-op plans of them. */
export async function benchNoopPlan(
  swarm: SwarmClient,
  repo: BenchRepo,
  count: number,
): Promise<Row[]> {
  const snapshot = await repo.commit(webManifests(PREFIX, count, "idle"));
  try {
    const { ms: setupMs } = await timed(() =>
      applySnapshot(swarm, snapshot, [], 20),
    );
    const times: number[] = [];
    let calls = 0;
    for (let run = 0; run < RUNS; run++) {
      const before = swarm.apiCallCount;
      const { ms, value } = await timed(() =>
        planRepository(
          swarm,
          {
            root: snapshot.dir,
            commit: snapshot.commit,
            only: [],
            prune: false,
          },
          benchLog,
        ),
      );
      calls = swarm.apiCallCount - before;
      times.push(ms);
      const changed = value.plan.environments.filter((env) =>
        env.actions.some((action) => action.type !== "unchanged"),
      );
      if (changed.length > 0) {
        throw new Error(
          `re-planning the applied commit changes ${changed.length} ` +
            `environments, e.g. ${changed[0]!.environment}`,
        );
      }
    }
    const ms = median(times);
    return [
      {
        measure: `apply ${count} idle envs, concurrency 20 (set-up)`,
        value: seconds(setupMs),
      },
      {
        measure: `no-op plan of ${count} envs (median of ${RUNS})`,
        value: seconds(ms),
        target: "< 1 s",
        met: ms < 1000,
      },
      {
        measure: `Engine API requests of that plan`,
        value: String(calls),
        target: `<= ${MAX_CALLS}`,
        met: calls <= MAX_CALLS,
      },
    ];
  } finally {
    await snapshot.dispose();
    await removeBenchObjects(swarm, `${PREFIX}-`);
  }
}
