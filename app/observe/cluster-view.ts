/**
 * One read of the live cluster for the dashboard and the environment
 * metrics: the environments' status exactly as `berth status` reads it,
 * plus Berth's objects, every node and the tasks meant to run, for ages
 * and node capacity. Each is a fixed number of requests (one per kind of
 * object), whatever the number of environments. Reads are shared for a
 * few seconds, so a scrape and a page view that arrive together cost one.
 */
import type { LiveState, LiveTask } from "../swarm/live-types.js";
import type { SwarmClient } from "../swarm/swarm-client.js";
import {
  readEnvironmentStatus,
  type EnvironmentStatus,
} from "../engine/environment-status.js";

export interface ClusterView {
  live: LiveState;
  /** Tasks whose desired state is `running`, of every service. */
  tasks: LiveTask[];
  statuses: EnvironmentStatus[];
  readAt: Date;
}

/** Reads the cluster once. */
export async function readClusterView(swarm: SwarmClient) {
  const [statuses, live, tasks] = await Promise.all([
    readEnvironmentStatus(swarm),
    swarm.readLiveState(),
    swarm.listTasks({ "desired-state": ["running"] }),
  ]);
  const view: ClusterView = { live, tasks, statuses, readAt: new Date() };
  return view;
}

/**
 * Wraps `read` so that calls within `maxAgeMs` of a successful read, or
 * while one is under way, share its answer. Failures are not kept.
 */
export function sharedReads<T>(
  read: () => Promise<T>,
  maxAgeMs: number,
  now: () => number = Date.now,
): () => Promise<T> {
  let last: { at: number; value: Promise<T> } | undefined;
  return () => {
    if (last && now() - last.at < maxAgeMs) return last.value;
    const value = read();
    const entry = { at: now(), value };
    last = entry;
    value.catch(() => {
      if (last === entry) last = undefined;
    });
    return value;
  };
}
