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

/**
 * Counts the changes of every environment of a plan that will be applied:
 * environments refused by an error change nothing, and an image that
 * several environments share is built once.
 */
export function countPlan(
  plan: Plan | readonly EnvironmentPlan[],
): ChangeCounts {
  const environments = "environments" in plan ? plan.environments : plan;
  const builds = new Set<string>();
  const actions = environments
    .filter((env) => !env.findings.some((f) => f.severity === "error"))
    .flatMap((env) => env.actions)
    .filter((action) => {
      if (action.type !== "build") return true;
      if (builds.has(action.name)) return false;
      builds.add(action.name);
      return true;
    });
  return countActions(actions);
}

/** Number of actions that change something (all but `unchanged`). */
export function countChanges(plan: Plan): number {
  const counts = countPlan(plan);
  return counts.create + counts.update + counts.remove;
}
