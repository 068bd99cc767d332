/**
 * Gathers what the dashboard shows: one cluster read, the audit trail and
 * the app's figures. A cluster that cannot be read still gives a page,
 * with the reason on it, since the audit trail is readable without it.
 */
import type { Logger } from "../log.js";
import { readAuditEvents } from "../audit/audit-log.js";
import type { AuditEvent } from "../audit/audit-event.js";
import { appFigures } from "./app-metrics.js";
import type { ClusterView } from "./cluster-view.js";
import { buildDashboardModel, type DashboardModel } from "./dashboard-model.js";

export interface DashboardSources {
  readCluster: () => Promise<ClusterView>;
  auditLog: string;
  repositoryUrl?: string;
  log: Logger;
}

/** Reads every source and builds the model. */
export async function loadDashboard(
  sources: DashboardSources,
): Promise<DashboardModel> {
  const [cluster, events, app] = await Promise.all([
    readCluster(sources),
    readEvents(sources),
    appFigures(),
  ]);
  return buildDashboardModel({
    now: new Date(),
    events,
    app,
    ...cluster,
    ...(sources.repositoryUrl && { repositoryUrl: sources.repositoryUrl }),
  });
}

async function readCluster(
  sources: DashboardSources,
): Promise<{ cluster: ClusterView } | { clusterError: string }> {
  try {
    return { cluster: await sources.readCluster() };
  } catch (err) {
    sources.log.warn({ err }, "cannot read the cluster for the dashboard");
    return { clusterError: (err as Error).message };
  }
}

async function readEvents(sources: DashboardSources): Promise<AuditEvent[]> {
  try {
    return await readAuditEvents(sources.auditLog);
  } catch (err) {
    sources.log.warn(
      { err, path: sources.auditLog },
      "cannot read the audit trail for the dashboard",
    );
    return [];
  }
}
