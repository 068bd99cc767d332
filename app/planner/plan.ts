/**
 * Plans several environments at once: those to create or update from
 * their desired state, and those to destroy.
 */
import type { DesiredEnvironment } from "../render/types.js";
import type { LiveState } from "../swarm/live-types.js";
import { planEnvironment } from "./plan-environment.js";
import type { Plan, PlanAllOptions } from "./types.js";

export { planEnvironment } from "./plan-environment.js";

/**
 * Plans every desired environment, then destroys those named in
 * `options.destroy`. Environments that are live but neither desired nor
 * named are left alone.
 * @throws Error when an environment is desired twice, or both desired
 * and to be destroyed.
 */
export function planAll(
  desired: readonly DesiredEnvironment[],
  live: LiveState,
  options: PlanAllOptions = {},
): Plan {
  const names = desired.map((environment) => environment.name);
  const destroy = [...new Set(options.destroy ?? [])];

  assertDistinct(names, destroy);

  return {
    environments: [
      ...desired.map((env) => planEnvironment(env, live, env.name, options)),
      ...destroy.map((name) => planEnvironment(undefined, live, name, options)),
    ],
  };
}

function assertDistinct(names: string[], destroy: string[]): void {
  const seen = new Set<string>();

  for (const name of names) {
    if (seen.has(name)) {
      throw new Error(`environment ${name} is desired twice in one plan`);
    }
    seen.add(name);
  }

  const both = destroy.find((name) => seen.has(name));
  if (both !== undefined) {
    throw new Error(
      `environment ${both} cannot be both applied and destroyed in one plan`,
    );
  }
}
