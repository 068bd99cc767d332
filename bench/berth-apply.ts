/**
 * Berth's own path from a commit to running environments, in-process:
 * plan the snapshot against the live cluster, then apply the plan, which
 * waits until every environment is healthy.
 */
import type { ApplyResult } from "../app/applier/apply-environment.js";
import { applyRepositoryPlan } from "../app/engine/apply-repository.js";
import { planRepository } from "../app/engine/plan-repository.js";
import { formatFinding } from "../app/manifest/finding.js";
import type { Snapshot } from "../app/repo/snapshot.js";
import type { SwarmClient } from "../app/swarm/swarm-client.js";
import { benchLog } from "./bench-logger.js";

/** Plans and applies `only` (all when empty); throws when any fails. */
export async function applySnapshot(
  swarm: SwarmClient,
  snapshot: Snapshot,
  only: readonly string[],
  concurrency: number,
): Promise<ApplyResult[]> {
  const { plan, live, findings } = await planRepository(
    swarm,
    { root: snapshot.dir, commit: snapshot.commit, only, prune: false },
    benchLog,
  );
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0) {
    throw new Error(`plan refused:\n${errors.map(formatFinding).join("\n")}`);
  }

  const context = { swarm, log: benchLog, live };
  const results = await applyRepositoryPlan(plan, context, { concurrency });
  const failed = results.filter((r) => r.outcome === "failed");
  if (failed.length > 0) {
    const first = failed[0]!;
    throw new Error(
      `${failed.length} environments failed; ${first.environment}: ` +
        first.error,
    );
  }
  return results;
}
