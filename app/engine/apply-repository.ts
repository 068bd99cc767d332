/**
 * Applies a repository plan: every environment that has a manifest first,
 * several at a time, and only then the environments being destroyed, so a
 * renamed environment keeps serving until its successor is healthy. When any
 * apply fails, destruction waits for a later, clean run.
 */
import pLimit from "p-limit";
import type { Plan } from "../planner/types.js";
import {
  applyEnvironment,
  type ApplyContext,
  type ApplyResult,
} from "../applier/apply-environment.js";
import { syncGatewayAccess } from "../gateway/sync-access.js";

export interface ApplyRepositoryOptions {
  /** Environments applied at the same time. */
  concurrency: number;
}

/** Applies `plan`; returns one result per environment, in plan order. */
export async function applyRepositoryPlan(
  plan: Plan,
  context: ApplyContext,
  options: ApplyRepositoryOptions = { concurrency: 4 },
): Promise<ApplyResult[]> {
  const limit = pLimit(options.concurrency);
  context = { ...context, builds: context.builds ?? new Map() };
  const wanted = plan.environments.filter((e) => e.desired);
  const unwanted = plan.environments.filter((e) => !e.desired);

  const applied = await Promise.all(
    wanted.map((env) => limit(() => applyEnvironment(env, context))),
  );
  if (applied.some((r) => r.outcome === "failed") && unwanted.length > 0) {
    context.log.warn(
      { held: unwanted.map((e) => e.environment) },
      "an apply failed; environments to destroy are kept until a clean run",
    );
    await syncAccess(context, applied);
    return [...applied, ...unwanted.map(heldBack)];
  }
  const destroyed = await Promise.all(
    unwanted.map((env) => limit(() => applyEnvironment(env, context))),
  );
  await syncAccess(context, [...applied, ...destroyed]);
  return [...applied, ...destroyed];
}

/** Gives the gateway the routes and tokens of what changed. */
async function syncAccess(context: ApplyContext, results: ApplyResult[]) {
  if (results.every((r) => r.outcome === "unchanged")) return;
  try {
    await syncGatewayAccess(context.swarm, context.log);
  } catch (err) {
    context.log.error(
      { err },
      "the gateway's routes and tokens could not be updated; run " +
        "berth gateway up to retry",
    );
  }
}

function heldBack(env: Plan["environments"][number]): ApplyResult {
  return {
    environment: env.environment,
    outcome: "failed",
    error:
      "not destroyed: another environment failed to apply in this run, " +
      "and a renamed environment must stay until its successor is healthy",
    changes: 0,
    durationMs: 0,
  };
}
