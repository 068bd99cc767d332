/**
 * Metrics read from the live cluster when Prometheus scrapes: environments
 * by state, template and team, and the share of each node's capacity that
 * tasks reserve. Nothing is counted in between, so the figures are never
 * stale and cost one cluster read per scrape (shared with the dashboard).
 */
import { Gauge } from "prom-client";
import type { Logger } from "../log.js";
import type { ClusterView } from "./cluster-view.js";
import { metricsRegistry } from "./metrics-registry.js";
import { boundedLabel } from "./label-value.js";
import { teamOf } from "./environment-team.js";
import { nodeUsage } from "./node-usage.js";

let source: { read: () => Promise<ClusterView>; log: Logger } | undefined;
let refreshing: Promise<void> | undefined;

const registers = [metricsRegistry];

const clusterUp = new Gauge({
  name: "berth_cluster_up",
  help: "1 when the last scrape could read the cluster, else 0",
  registers,
  collect: refresh,
});

const environments = new Gauge({
  name: "berth_environments",
  help: "Environments on the cluster, by state, template and team",
  labelNames: ["state", "template", "team"] as const,
  registers,
  collect: refresh,
});

const nodeReserved = new Gauge({
  name: "berth_node_reserved_ratio",
  help: "Share of a node's CPU or memory reserved by its tasks",
  labelNames: ["node", "resource"] as const,
  registers,
  collect: refresh,
});

/** Makes scrapes read the cluster with `read` (the last call wins). */
export function observeCluster(
  read: () => Promise<ClusterView>,
  log: Logger,
): void {
  source = { read, log };
}

/**
 * The registry collects its metrics side by side: the gauges above share
 * one refresh, so each sees the same complete read.
 */
function refresh(): Promise<void> {
  refreshing ??= collectCluster().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

async function collectCluster(): Promise<void> {
  environments.reset();
  nodeReserved.reset();
  if (!source) return;
  try {
    const view = await source.read();
    countEnvironments(view);
    measureNodes(view);
    clusterUp.set(1);
  } catch (err) {
    source.log.warn({ err }, "cannot read the cluster for metrics");
    clusterUp.set(0);
  }
}

function countEnvironments(view: ClusterView): void {
  for (const status of view.statuses) {
    environments.inc({
      state: status.state,
      template: boundedLabel(status.template),
      team: boundedLabel(teamOf(status.owners)),
    });
  }
}

function measureNodes(view: ClusterView): void {
  for (const node of nodeUsage(view.live.nodes, view.tasks)) {
    const name = boundedLabel(node.hostname.toLowerCase());
    const ratio = (used: number, total: number) => (total ? used / total : 0);
    nodeReserved.set(
      { node: name, resource: "cpu" },
      ratio(node.cpus.reserved, node.cpus.total),
    );
    nodeReserved.set(
      { node: name, resource: "memory" },
      ratio(node.memoryBytes.reserved, node.memoryBytes.total),
    );
  }
}
