/**
 * The `deploy:` section of a Compose service to the Engine API's task
 * resources, restart policy, placement and update settings, as
 * `docker stack deploy` converts them.
 */
import type {
  Resources,
  TaskTemplate,
  UpdateConfig,
} from "../swarm/spec-types.js";
import type { ComposeService } from "../template/compose-schema.js";
import { parseByteSize } from "../template/byte-size.js";
import { parseNanoCpus } from "../template/cpu-count.js";
import { nanosOf } from "./convert-health.js";

type Deploy = NonNullable<ComposeService["deploy"]>;
type ResourceValues = NonNullable<NonNullable<Deploy["resources"]>["limits"]>;
type UpdateSettings = NonNullable<Deploy["update_config"]>;

/** Resource limits and reservations, or undefined when none are set. */
export function convertResources(
  resources: Deploy["resources"],
): TaskTemplate["Resources"] {
  const limits = convertValues(resources?.limits);
  const reservations = convertValues(resources?.reservations);
  if (!limits && !reservations) return undefined;
  return {
    ...(limits ? { Limits: limits } : {}),
    ...(reservations ? { Reservations: reservations } : {}),
  };
}

function convertValues(values: ResourceValues | undefined) {
  if (!values) return undefined;
  const result: Resources = {};
  const cpus = values.cpus === undefined ? 0 : parseNanoCpus(values.cpus);
  const memory = values.memory === undefined ? 0 : parseByteSize(values.memory);
  if (cpus) result.NanoCPUs = cpus;
  if (memory) result.MemoryBytes = memory;
  return result;
}

/** The restart policy, or undefined to keep Swarm's default. */
export function convertRestartPolicy(
  policy: Deploy["restart_policy"],
): TaskTemplate["RestartPolicy"] {
  if (!policy) return undefined;
  const result: NonNullable<TaskTemplate["RestartPolicy"]> = {};
  if (policy.condition) result.Condition = policy.condition;
  const delay = nanosOf(policy.delay);
  if (delay !== undefined) result.Delay = delay;
  if (policy.max_attempts !== undefined) {
    result.MaxAttempts = policy.max_attempts;
  }
  const window = nanosOf(policy.window);
  if (window !== undefined) result.Window = window;
  return result;
}

/** Update or rollback settings; parallelism defaults to 1 as in Compose. */
export function convertUpdateConfig(
  settings: UpdateSettings | undefined,
): UpdateConfig | undefined {
  if (!settings) return undefined;
  const result: UpdateConfig = { Parallelism: settings.parallelism ?? 1 };
  const delay = nanosOf(settings.delay);
  if (delay) result.Delay = delay;
  if (settings.failure_action) result.FailureAction = settings.failure_action;
  const monitor = nanosOf(settings.monitor);
  if (monitor) result.Monitor = monitor;
  result.MaxFailureRatio = settings.max_failure_ratio ?? 0;
  if (settings.order) result.Order = settings.order;
  return result;
}
