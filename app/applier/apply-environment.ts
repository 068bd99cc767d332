/**
 * Executes the plan of one environment, in dependency order: images, then
 * networks, volumes and configs, then services; waits until healthy; then
 * removes what the environment no longer needs. On any failure before that
 * last step, everything this apply changed is undone, so the environment is
 * left as it was (or absent, when it was being created).
 */
import type { Logger } from "../log.js";
import type { EnvironmentPlan, PlanAction } from "../planner/types.js";
import type { ServiceSpec } from "../swarm/spec-types.js";
import type { LiveState } from "../swarm/live-types.js";
import type { SwarmClient } from "../swarm/swarm-client.js";
import { hasErrors, formatFinding } from "../manifest/finding.js";
import { UndoLog } from "./undo-log.js";
import {
  DEFAULT_WAIT,
  NotHealthyError,
  waitHealthy,
  type WaitOptions,
} from "./wait-healthy.js";
import { withEnvironmentLock } from "./environment-lock.js";
import { removeObjects } from "./remove-objects.js";
import { planEnvironment } from "../planner/plan-environment.js";
import {
  observeApply,
  recordApplyFailure,
  recordApplyRefused,
} from "../observe/engine-metrics.js";

export type ApplyOutcome =
  "created" | "updated" | "unchanged" | "destroyed" | "failed";

export interface ApplyResult {
  environment: string;
  outcome: ApplyOutcome;
  /** Why it failed, in one paragraph a user can act on. */
  error?: string;
  /** Number of objects created, updated or removed. */
  changes: number;
  durationMs: number;
}

export interface ApplyContext {
  swarm: SwarmClient;
  log: Logger;
  live: LiveState;
  wait?: WaitOptions;
  onBuildOutput?: (ref: string, line: string) => void;
  onWaitProgress?: (env: string, running: number, wanted: number) => void;
  /**
   * Builds under way in this run, by image reference: environments of one
   * template share its image, and it is built once for all of them.
   */
  builds?: Map<string, Promise<void>>;
  /**
   * Stops the apply (Ctrl-C): no further change is made, what was
   * changed is undone, and the result is a failure carrying the reason.
   */
  signal?: AbortSignal;
}

/**
 * Applies one environment's plan under its lock. The plan was made before
 * the lock was taken, and another apply may have changed the environment
 * since: its actions are computed again from the live state read under the
 * lock, so the apply that runs last ends with its own spec.
 */
export function applyEnvironment(
  plan: EnvironmentPlan,
  context: ApplyContext,
): Promise<ApplyResult> {
  return observeApply(() =>
    withEnvironmentLock(
      plan.environment,
      async () => {
        const fresh = await replan(plan, context);
        return run(fresh.plan, { ...context, live: fresh.live });
      },
      () =>
        context.log.info(
          { environment: plan.environment },
          "waiting for another apply of this environment to finish",
        ),
    ),
  );
}

async function replan(
  plan: EnvironmentPlan,
  context: ApplyContext,
): Promise<{ plan: EnvironmentPlan; live: LiveState }> {
  // A refused plan changes nothing, and a destroy may carry volume
  // removals that only the caller knows to ask for: both run as planned.
  if (!plan.desired || hasErrors(plan.findings)) {
    return { plan, live: context.live };
  }
  const live = await context.swarm.readLiveState();
  const present = new Set<string>();
  for (const image of plan.desired.images) {
    if (await context.swarm.imageExists(image.ref)) present.add(image.ref);
  }
  const again = planEnvironment(plan.desired, live, plan.environment, {
    presentImages: present,
  });
  return { plan: { ...again, findings: plan.findings }, live };
}

async function run(
  plan: EnvironmentPlan,
  context: ApplyContext,
): Promise<ApplyResult> {
  const started = Date.now();
  const log = context.log.child({ environment: plan.environment });
  const result = (outcome: ApplyOutcome, changes: number, error?: string) => ({
    environment: plan.environment,
    outcome,
    changes,
    durationMs: Date.now() - started,
    ...(error ? { error } : {}),
  });

  if (hasErrors(plan.findings)) {
    const reasons = plan.findings.map(formatFinding).join("\n");
    recordApplyRefused();
    return result("failed", 0, `refused before any change:\n${reasons}`);
  }
  if (context.signal?.aborted) {
    return result("failed", 0, `not started: ${abortReason(context.signal)}`);
  }
  const changing = plan.actions.filter((a) => a.type !== "unchanged");
  if (changing.length === 0) {
    // Nothing to change is not the same as healthy: an earlier apply may
    // have been interrupted, or a node lost. Say so instead of "unchanged".
    const problem = await unhealthyUnchanged(plan, context);
    return problem
      ? result("failed", 0, `nothing to change, but ${problem}`)
      : result("unchanged", 0);
  }

  const undo = new UndoLog();
  try {
    await buildImages(changing, context, log);
    const waitFor = await createAndUpdate(changing, context, undo, log);
    if (waitFor.replicas.size > 0) {
      log.info({ services: [...waitFor.replicas.keys()] }, "waiting for tasks");
      await waitHealthy(context.swarm, waitFor, waitOptions(plan, context));
    }
  } catch (err) {
    const message = (err as Error).message;
    recordApplyFailure(err);
    log.error({ err }, "apply failed; undoing its changes");
    const problems = await undo.undo(context.swarm, log);
    const tail = problems.length
      ? `\nundo left problems: ${problems.join("; ")}`
      : "";
    return result("failed", 0, `${message}${tail}`);
  }

  await removeObjects(context.swarm, changing, log);
  const outcome = !plan.desired
    ? "destroyed"
    : changing.some((a) => a.type === "update" || a.type === "remove")
      ? "updated"
      : "created";
  log.info({ outcome, changes: changing.length }, "apply finished");
  return result(outcome, changing.length);
}

async function buildImages(
  actions: PlanAction[],
  context: ApplyContext,
  log: Logger,
): Promise<void> {
  const builds = context.builds ?? new Map<string, Promise<void>>();
  for (const action of actions) {
    if (action.type !== "build") continue;
    const running = builds.get(action.name);
    if (running) {
      await running;
      continue;
    }
    log.info({ image: action.name }, "building image");
    const build = context.swarm
      .buildImage({
        ...action.desired,
        onProgress: (line) => context.onBuildOutput?.(action.name, line),
      })
      .then(() => undefined);
    builds.set(action.name, build);
    // A failed build is tried again by the next environment that needs it.
    build.catch(() => builds.delete(action.name));
    await build;
  }
}

async function createAndUpdate(
  actions: PlanAction[],
  context: ApplyContext,
  undo: UndoLog,
  log: Logger,
) {
  const { swarm, live } = context;
  const configIds = new Map(live.configs.map((c) => [c.name, c.id]));
  const replicas = new Map<string, number>();
  const updated = new Set<string>();
  const updatesSentAt = Date.now();

  for (const action of actions) {
    context.signal?.throwIfAborted();
    if (action.type === "create" && action.kind === "network") {
      const id = await swarm.createNetwork(action.desired.spec);
      undo.recordCreated({ kind: "network", id, name: action.name });
    } else if (action.type === "create" && action.kind === "volume") {
      await swarm.createVolume(action.desired);
      undo.recordCreated({ kind: "volume", name: action.name });
    } else if (action.type === "create" && action.kind === "config") {
      const id = await swarm.createConfig(action.desired);
      configIds.set(action.name, id);
      undo.recordCreated({ kind: "config", id, name: action.name });
    } else if (action.type === "create" && action.kind === "service") {
      const spec = withConfigIds(action.desired.spec, configIds);
      const id = await swarm.createService(spec);
      undo.recordCreated({ kind: "service", id, name: action.name });
      replicas.set(action.name, replicaCount(spec));
    } else if (action.type === "update") {
      const spec = withConfigIds(action.desired.spec, configIds);
      await swarm.updateService(action.live, spec);
      undo.recordUpdated(action.live);
      if (action.restartsTasks) {
        replicas.set(action.name, replicaCount(spec));
        updated.add(action.name);
      }
    } else {
      continue;
    }
    log.info(
      { action: action.type, object: action.kind, name: action.name },
      "changed",
    );
  }
  return { replicas, updated, updatesSentAt };
}

/** How long and how to wait for the tasks of `plan`'s environment. */
function waitOptions(
  plan: EnvironmentPlan,
  context: ApplyContext,
): WaitOptions {
  return {
    ...(context.wait ?? DEFAULT_WAIT),
    ...(context.signal && { signal: context.signal }),
    onProgress: (running, wanted) =>
      context.onWaitProgress?.(plan.environment, running, wanted),
  };
}

/** Why an environment with nothing to change is not healthy, if it is not. */
async function unhealthyUnchanged(
  plan: EnvironmentPlan,
  context: ApplyContext,
): Promise<string | undefined> {
  const services = plan.desired?.services ?? [];
  const replicas = new Map(
    services.map((s) => [s.name, replicaCount(s.spec)] as const),
  );
  try {
    await waitHealthy(
      context.swarm,
      { replicas, updated: new Set() },
      waitOptions(plan, context),
    );
    return undefined;
  } catch (err) {
    if (err instanceof NotHealthyError) return err.message;
    throw err;
  }
}

function abortReason(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason.message : String(reason);
}

/** Configs are referenced by ID in service specs; fill them in by name. */
function withConfigIds(
  spec: ServiceSpec,
  ids: Map<string, string>,
): ServiceSpec {
  const configs = spec.TaskTemplate.ContainerSpec.Configs;
  if (!configs?.length) return spec;
  const resolved = configs.map((ref) => {
    const id = ids.get(ref.ConfigName);
    if (!id) {
      throw new Error(
        `config ${ref.ConfigName} is neither live nor planned; ` +
          "this is a bug in Berth's planner",
      );
    }
    return { ...ref, ConfigID: id };
  });
  return {
    ...spec,
    TaskTemplate: {
      ...spec.TaskTemplate,
      ContainerSpec: { ...spec.TaskTemplate.ContainerSpec, Configs: resolved },
    },
  };
}

function replicaCount(spec: ServiceSpec): number {
  return spec.Mode?.Replicated?.Replicas ?? 1;
}
