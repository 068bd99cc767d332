/**
 * Figures that only the GitHub App knows: webhook deliveries, the depth of
 * its work queue, and how many commits of the default branch the cluster
 * has not applied yet. The app calls these setters; `/metrics` reads them.
 */
import { Counter, Gauge } from "prom-client";
import { metricsRegistry } from "./metrics-registry.js";
import { boundedLabel } from "./label-value.js";

const registers = [metricsRegistry];
const known = { queueDepth: false, commitsBehind: false };

const deliveries = new Counter({
  name: "berth_webhook_deliveries_total",
  help: "GitHub webhook deliveries, by event and outcome",
  labelNames: ["event", "outcome"] as const,
  registers,
});

const queueDepth = new Gauge({
  name: "berth_queue_depth",
  help: "Jobs waiting or running in the GitHub App's work queue",
  registers,
});

const commitsBehind = new Gauge({
  name: "berth_commits_behind_default_branch",
  help: "Commits of the default branch not yet applied to the cluster",
  registers,
});

/**
 * Counts one webhook delivery, e.g. `recordDelivery("pull_request",
 * "processed")`. Unusual values are grouped as `other`.
 */
export function recordDelivery(event: string, outcome: string): void {
  deliveries.inc({
    event: boundedLabel(event),
    outcome: boundedLabel(outcome),
  });
}

/** Sets the number of jobs waiting or running in the work queue. */
export function setQueueDepth(depth: number): void {
  known.queueDepth = true;
  queueDepth.set(Math.max(0, depth));
}

/** Sets how many default-branch commits the cluster has not applied. */
export function setCommitsBehind(commits: number): void {
  known.commitsBehind = true;
  commitsBehind.set(Math.max(0, commits));
}

/** Figures the GitHub App has set; absent in a process without it. */
export interface AppFigures {
  queueDepth?: number;
  commitsBehind?: number;
}

/** The current queue depth and lag, for the dashboard's header. */
export async function appFigures(): Promise<AppFigures> {
  const [queue, behind] = await Promise.all([
    queueDepth.get(),
    commitsBehind.get(),
  ]);
  return {
    ...(known.queueDepth && { queueDepth: queue.values[0]?.value ?? 0 }),
    ...(known.commitsBehind && {
      commitsBehind: behind.values[0]?.value ?? 0,
    }),
  };
}
