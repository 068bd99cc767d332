/**
 * Counts what a plan changes.
 */
import type { EnvironmentPlan, Plan, PlanAction } from "./types.js";

export interface ChangeCounts {
  /** Objects to create, image builds included. */
  create: number;
  update: number;
  remove: number;
}

/** Counts creations (and builds), updates and removals. */
export function countActions(actions: readonly PlanAction[]): ChangeCounts {
  const counts: ChangeCounts = { create: 0, update: 0, remove: 0 };

  for (const action of actions) {
    if (action.type === "create" || action.type === "build") {
      counts.create += 1;
    } else if (action.type === "update") {
      counts.update += 1;
    } else if (action.type === "remove") {
      counts.remove += 1;
    }
  }

  return counts;
}

/** Counts the changes of every environment of a plan. */
export function countPlan(
  plan: Plan | readonly EnvironmentPlan[],
): ChangeCounts {
  const environments = "environments" in plan ? plan.environments : plan;
  return countActions(environments.flatMap((env) => env.actions));
}

/** Number of actions that change something (all but `unchanged`). */
export function countChanges(plan: Plan): number {
  const counts = countPlan(plan);
  return counts.create + counts.update + counts.remove;
}
