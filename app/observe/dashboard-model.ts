/**
 * What the dashboard shows, computed from one read of the cluster, the
 * audit trail and the app's figures. Pure: the page and `data.json` are
 * both made from this model. Values stay as users wrote them; escaping is
 * the renderer's job. Nothing secret is copied in: no service specs, no
 * environment variables, only labels Berth itself sets.
 */
import type { AuditEvent } from "../audit/audit-event.js";
import type {
  EnvironmentState,
  EnvironmentStatus,
  ServiceStatus,
} from "../engine/environment-status.js";
import type { LiveService } from "../swarm/live-types.js";
import { ENVIRONMENT_LABEL } from "../swarm/labels.js";
import { redactSecrets } from "../audit/redact-secrets.js";
import type { AppFigures } from "./app-metrics.js";
import type { ClusterView } from "./cluster-view.js";
import { teamOf } from "./environment-team.js";
import { nodeUsage, type NodeUsage } from "./node-usage.js";
import { durationBuckets, type DurationBucket } from "./percentiles.js";
import { repositoryLinks, type RepositoryLinks } from "./repository-links.js";

export interface Linked {
  text: string;
  href?: string;
}

export interface EnvironmentRow {
  name: string;
  state: EnvironmentState;
  template?: string;
  team: string;
  owners: Linked[];
  access: (Linked & { name: string })[];
  commit?: Linked;
  pullRequest?: Linked;
  createdAt?: string;
  updatedAt?: string;
  expiresAt?: string;
  services: ServiceStatus[];
}

export interface ApplyRow {
  time: string;
  action: AuditEvent["action"];
  environment?: string;
  who: string;
  via: AuditEvent["via"];
  result: string;
  durationMs?: number;
  commit?: Linked;
  pullRequest?: Linked;
  error?: string;
}

export interface DashboardModel {
  generatedAt: string;
  /** Why the cluster could not be read; its sections are empty then. */
  clusterError?: string;
  counts: Record<EnvironmentState, number> & { total: number };
  app: AppFigures;
  environments: EnvironmentRow[];
  recentApplies: ApplyRow[];
  provisioning: DurationBucket[];
  nodes: NodeUsage[];
}

export interface DashboardInput {
  now: Date;
  cluster?: ClusterView;
  clusterError?: string;
  events: readonly AuditEvent[];
  app: AppFigures;
  repositoryUrl?: string;
  /** Rows of recent applies shown; default 25. */
  recentLimit?: number;
}

/**
 * Provisioning time is that of applies that created an environment:
 * updates are often label changes of a fraction of a second, which would
 * hide how long a developer waits for a new environment.
 */
const PROVISIONED = new Set(["created"]);

/** Builds the dashboard's model. */
export function buildDashboardModel(input: DashboardInput): DashboardModel {
  const links = repositoryLinks(input.repositoryUrl);
  const statuses = input.cluster?.statuses ?? [];
  const created = createdAtByEnvironment(input.cluster?.live.services ?? []);
  return {
    generatedAt: input.now.toISOString(),
    ...(input.clusterError && {
      clusterError: redactSecrets(input.clusterError),
    }),
    counts: countStates(statuses),
    app: input.app,
    environments: statuses.map((s) => environmentRow(s, created, links)),
    recentApplies: recentApplies(input.events, links, input.recentLimit),
    provisioning: durationBuckets(
      input.events
        .filter((e) => e.action === "apply" && PROVISIONED.has(e.result))
        .map((e) => ({ time: e.time, durationMs: e.durationMs ?? NaN })),
    ),
    nodes: input.cluster
      ? nodeUsage(input.cluster.live.nodes, input.cluster.tasks)
      : [],
  };
}

function environmentRow(
  status: EnvironmentStatus,
  created: Map<string, string>,
  links: RepositoryLinks,
): EnvironmentRow {
  const createdAt = created.get(status.name);
  return {
    name: status.name,
    state: status.state,
    team: teamOf(status.owners),
    owners: status.owners.map((owner) => linked(owner, links.owner(owner))),
    access: status.access.map((point) => ({
      name: point.name,
      text: point.url,
      ...(webLink(point.url) && { href: point.url }),
    })),
    services: status.services,
    ...(status.template && { template: status.template }),
    ...(status.commit && { commit: commitLink(status.commit, links) }),
    ...(status.pullRequest && {
      pullRequest: pullLink(status.pullRequest, links),
    }),
    ...(createdAt && { createdAt }),
    ...(status.updatedAt && { updatedAt: status.updatedAt }),
    ...(status.expiresAt && { expiresAt: status.expiresAt }),
  };
}

function recentApplies(
  events: readonly AuditEvent[],
  links: RepositoryLinks,
  limit = 25,
): ApplyRow[] {
  return events
    .filter((e) => e.action === "apply" || e.action === "destroy")
    .slice(-limit)
    .reverse()
    .map((e) => ({
      time: e.time,
      action: e.action,
      who: e.who,
      via: e.via,
      result: e.result,
      ...(e.environment && { environment: e.environment }),
      ...(e.durationMs !== undefined && { durationMs: e.durationMs }),
      ...(e.commit && { commit: commitLink(e.commit, links) }),
      ...(e.pullRequest && { pullRequest: pullLink(e.pullRequest, links) }),
      ...(e.error && { error: redactSecrets(e.error.split("\n")[0] ?? "") }),
    }));
}

function countStates(statuses: readonly EnvironmentStatus[]) {
  const counts = { healthy: 0, starting: 0, degraded: 0, stopped: 0 };
  for (const status of statuses) counts[status.state] += 1;
  return { ...counts, total: statuses.length };
}

/** When each environment's first service was created. */
function createdAtByEnvironment(services: readonly LiveService[]) {
  const created = new Map<string, string>();
  for (const service of services) {
    const env = service.spec.Labels?.[ENVIRONMENT_LABEL];
    if (!env || !service.createdAt) continue;
    const known = created.get(env);
    if (!known || service.createdAt < known)
      created.set(env, service.createdAt);
  }
  return created;
}

function commitLink(sha: string, links: RepositoryLinks): Linked {
  return linked(sha.slice(0, 12), links.commit(sha));
}

function pullLink(number: number, links: RepositoryLinks): Linked {
  return linked(`#${number}`, links.pullRequest(number));
}

function linked(text: string, href: string | undefined): Linked {
  return href ? { text, href } : { text };
}

/** True for http and https URLs, the only ones the page links to. */
export function webLink(url: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
