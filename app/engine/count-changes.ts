import type { Plan } from "../planner/types.js";

/** Number of actions in `plan` that change something. */
export function countChanges(plan: Plan): number {
  return plan.environments
    .flatMap((env) => env.actions)
    .filter((action) => action.type !== "unchanged").length;
}
