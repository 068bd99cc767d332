/**
 * Waits until every service of an environment runs the desired number of
 * tasks and those tasks pass their healthchecks (Swarm reports a task as
 * running only once its container is healthy). Fails early, with Docker's
 * own message, when a task cannot be placed or keeps failing, and fails at
 * the deadline otherwise. Never reports an environment ready on a guess.
 */
import type { LiveTask } from "../swarm/live-types.js";
import type { SwarmClient } from "../swarm/swarm-client.js";

export interface WaitTarget {
  /** Service name -> desired replicas. */
  replicas: Map<string, number>;
  /** Services being updated: wait for Swarm's update to finish. */
  updated: Set<string>;
  /**
   * When the updates were sent (ms since the epoch). An update status
   * older than this is the previous update's, still shown for an instant
   * before Swarm starts the new one.
   */
  updatesSentAt?: number;
}

/**
 * How long to wait for Swarm to report an update it was sent, before
 * judging by the tasks alone (a daemon whose clock differs from ours
 * would otherwise never seem to start it).
 */
const UPDATE_START_GRACE_MS = 15_000;

export interface WaitOptions {
  timeoutMs: number;
  pollMs: number;
  /** How long a task may stay pending with a scheduler error. */
  pendingGraceMs: number;
  /** Failed tasks of one service tolerated before giving up. */
  maxFailedTasks: number;
  onProgress?: (running: number, wanted: number) => void;
  /** Stops waiting, throwing the signal's reason. */
  signal?: AbortSignal;
}

export const DEFAULT_WAIT: WaitOptions = {
  timeoutMs: Number(process.env.BERTH_WAIT_TIMEOUT_MS ?? 300_000),
  pollMs: 100,
  pendingGraceMs: 8_000,
  maxFailedTasks: 3,
};

export class NotHealthyError extends Error {
  override name = "NotHealthyError";
  constructor(
    message: string,
    readonly service: string,
  ) {
    super(message);
  }
}

const FAILED = new Set(["failed", "rejected", "orphaned"]);

/** Resolves once healthy; rejects with NotHealthyError otherwise. */
export async function waitHealthy(
  swarm: SwarmClient,
  target: WaitTarget,
  options: WaitOptions = DEFAULT_WAIT,
): Promise<void> {
  const started = Date.now();
  const since = new Date(started - 1_000).toISOString();
  const wanted = [...target.replicas.values()].reduce((a, b) => a + b, 0);
  const names = [...target.replicas.keys()];
  if (names.length === 0) return;

  const ids = await serviceIds(swarm, names);
  for (;;) {
    options.signal?.throwIfAborted();
    const tasks = (await swarm.listTasks({ service: names })).map((task) => ({
      ...task,
      serviceName: ids.get(task.serviceId) ?? task.serviceId,
    }));
    const updating = await updatesInProgress(swarm, target, started);
    const verdict = judge(tasks, target, since, started, options);
    options.onProgress?.(verdict.running, wanted);
    if (verdict.failure) throw verdict.failure;
    if (verdict.healthy && updating.length === 0) return;

    if (Date.now() - started > options.timeoutMs) {
      const waiting = verdict.waitingFor ?? updating[0] ?? names[0]!;
      throw new NotHealthyError(
        `not healthy after ${Math.round(options.timeoutMs / 1000)} s: ` +
          `${verdict.running} of ${wanted} tasks running; ` +
          `${waiting}: ${verdict.lastMessage ?? "still starting"}`,
        waiting,
      );
    }
    await sleep(options.pollMs);
  }
}

interface Verdict {
  healthy: boolean;
  running: number;
  failure?: NotHealthyError;
  waitingFor?: string;
  lastMessage?: string;
}

type NamedTask = LiveTask & { serviceName: string };

function judge(
  tasks: NamedTask[],
  target: WaitTarget,
  since: string,
  started: number,
  options: WaitOptions,
): Verdict {
  let running = 0;
  let healthy = true;
  let waitingFor: string | undefined;
  let lastMessage: string | undefined;

  for (const [service, replicas] of target.replicas) {
    const own = tasks.filter((task) => task.serviceName === service);
    const live = own.filter((task) => task.desiredState === "running");
    const up = live.filter((task) => task.state === "running").length;
    running += Math.min(up, replicas);
    if (up < replicas) {
      healthy = false;
      waitingFor ??= service;
      lastMessage ??= describe(live[0]);
    }

    const failure = findFailure(own, service, since, started, options);
    if (failure) return { healthy: false, running, failure };
  }
  return { healthy, running, waitingFor, lastMessage };
}

function findFailure(
  tasks: LiveTask[],
  service: string,
  since: string,
  started: number,
  options: WaitOptions,
): NotHealthyError | undefined {
  const recent = tasks.filter((task) => task.createdAt >= since);
  const failed = recent.filter((task) => FAILED.has(task.state));
  if (failed.length >= options.maxFailedTasks) {
    const last = failed[failed.length - 1]!;
    return new NotHealthyError(
      `${service}: ${failed.length} tasks failed; last: ${describe(last)}`,
      service,
    );
  }

  const stuck = tasks.find(
    (task) =>
      task.desiredState === "running" && task.state === "pending" && task.error,
  );
  if (stuck && Date.now() - started > options.pendingGraceMs) {
    return new NotHealthyError(
      `${service}: task cannot be scheduled: ${stuck.error}`,
      service,
    );
  }
  return undefined;
}

async function serviceIds(
  swarm: SwarmClient,
  names: string[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const name of names) {
    const service = await swarm.inspectService(name);
    if (service) ids.set(service.id, name);
  }
  return ids;
}

async function updatesInProgress(
  swarm: SwarmClient,
  target: WaitTarget,
  started: number,
): Promise<string[]> {
  const busy: string[] = [];
  const sentAt = target.updatesSentAt;
  const patient = Date.now() - started < UPDATE_START_GRACE_MS;
  for (const name of target.updated) {
    const service = await swarm.inspectService(name);
    const state = service?.updateState;
    const startedAt = Date.parse(service?.updateStartedAt ?? "");
    const stale = sentAt !== undefined && !(startedAt >= sentAt) && patient;
    if (state === "updating" || stale) {
      busy.push(name);
      continue;
    }
    if (state === "paused" || state?.startsWith("rollback")) {
      throw new NotHealthyError(
        `${name}: update ${state}: ${service?.updateMessage ?? ""}`.trim(),
        name,
      );
    }
  }
  return busy;
}

function describe(task: LiveTask | undefined): string | undefined {
  if (!task) return undefined;
  const detail = task.error || task.message;
  return `task ${task.state}${detail ? ` (${detail})` : ""}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
