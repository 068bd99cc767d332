/**
 * The live state of Berth's environments, as `berth status` shows it:
 * services with running and wanted tasks, access URLs, commit, owners and
 * expiry. Built from one read of the live state and one task listing.
 */
import type { LiveService, LiveState, LiveTask } from "../swarm/live-types.js";
import type { SwarmClient } from "../swarm/swarm-client.js";
import { GATEWAY_ACCESS_LABEL, TCP_ACCESS_LABEL } from "../swarm/labels.js";
import { SSH_PORT_NAME } from "../render/gateway-routing.js";
import { parseAccessLabel } from "../gateway/access-routes.js";
import { readGatewayStatus } from "../gateway/gateway-status.js";
import { gatewayUrl, type GatewayAddress } from "../gateway/route-target.js";

export type EnvironmentState = "healthy" | "starting" | "degraded" | "stopped";

export interface ServiceStatus {
  name: string;
  running: number;
  wanted: number;
  /** Docker's message for a task that is not running, if any. */
  problem?: string;
}

export interface AccessPoint {
  name: string;
  service: string;
  port: number;
  /** What the port speaks: `http://` URLs answer HTTP, `tcp://` ones not. */
  protocol: "http" | "tcp";
  url: string;
}

export interface EnvironmentStatus {
  name: string;
  state: EnvironmentState;
  template?: string;
  owners: string[];
  commit?: string;
  pullRequest?: number;
  updatedAt?: string;
  expiresAt?: string;
  services: ServiceStatus[];
  access: AccessPoint[];
  /** The command that opens a shell in the workspace, when it has SSH. */
  ssh?: string;
}

const LABEL = {
  env: "dev.berth.environment",
  template: "dev.berth.template",
  owners: "dev.berth.owners",
  commit: "dev.berth.commit",
  pullRequest: "dev.berth.pull-request",
  expiresAfter: "dev.berth.expires-after",
} as const;

/** Host name put in access URLs (the gateway replaces this later). */
export function publicHost(): string {
  return process.env.BERTH_PUBLIC_HOST ?? "127.0.0.1";
}

/** Reads the status of every environment, or only of `names`. */
export async function readEnvironmentStatus(
  swarm: SwarmClient,
  names: readonly string[] = [],
): Promise<EnvironmentStatus[]> {
  const live = await swarm.readLiveState();
  const services = live.services.filter((s) => s.spec.Labels?.[LABEL.env]);
  const tasks = services.length
    ? await swarm.listTasks({ label: [LABEL.env] })
    : [];
  const gateway = await readGatewayStatus(swarm);
  return summarise(live, tasks, gateway?.address).filter(
    (env) => names.length === 0 || names.includes(env.name),
  );
}

/**
 * Pure: groups live services and tasks into environment statuses. With
 * the address of a running gateway, the ports it routes get its URLs.
 */
export function summarise(
  live: LiveState,
  tasks: LiveTask[],
  gateway?: GatewayAddress,
): EnvironmentStatus[] {
  const byEnv = new Map<string, LiveService[]>();
  for (const service of live.services) {
    const env = service.spec.Labels?.[LABEL.env];
    if (!env) continue;
    byEnv.set(env, [...(byEnv.get(env) ?? []), service]);
  }
  return [...byEnv.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, envServices]) => describe(name, envServices, tasks, gateway));
}

function describe(
  name: string,
  services: LiveService[],
  tasks: LiveTask[],
  gateway: GatewayAddress | undefined,
): EnvironmentStatus {
  const statuses = services
    .map((service) => serviceStatus(service, tasks))
    .sort((a, b) => a.name.localeCompare(b.name));
  const labels = services[0]?.spec.Labels ?? {};
  const updatedAt = latest(services.map((s) => s.updatedAt));
  const expiresAfter = Number(labels[LABEL.expiresAfter]);
  return {
    name,
    state: overallState(statuses),
    template: labels[LABEL.template],
    owners: (labels[LABEL.owners] ?? "").split(",").filter(Boolean),
    commit: labels[LABEL.commit],
    pullRequest: labels[LABEL.pullRequest]
      ? Number(labels[LABEL.pullRequest])
      : undefined,
    updatedAt,
    expiresAt:
      updatedAt && expiresAfter > 0
        ? new Date(Date.parse(updatedAt) + expiresAfter * 1000).toISOString()
        : undefined,
    services: statuses,
    access: services.flatMap((service) => [
      ...accessPoints(service),
      ...gatewayPoints(name, service, gateway),
    ]),
    ...sshCommand(services),
  };
}

function gatewayPoints(
  environment: string,
  service: LiveService,
  gateway: GatewayAddress | undefined,
): AccessPoint[] {
  const label = service.spec.Labels?.[GATEWAY_ACCESS_LABEL];
  if (!label || !gateway) return [];
  return parseAccessLabel(label).map(([name, port]) => ({
    name,
    service: service.name,
    port,
    protocol: "http",
    url: gatewayUrl(gateway, environment, name),
  }));
}

function sshCommand(services: LiveService[]): { ssh?: string } {
  for (const service of services) {
    const port = (service.spec.EndpointSpec?.Ports ?? []).find(
      (p) => p.Name === SSH_PORT_NAME && p.PublishedPort,
    );
    if (port) {
      return { ssh: `ssh -p ${port.PublishedPort} dev@${publicHost()}` };
    }
  }
  return {};
}

function serviceStatus(service: LiveService, tasks: LiveTask[]): ServiceStatus {
  const own = tasks.filter(
    (t) => t.serviceId === service.id && t.desiredState === "running",
  );
  const running = own.filter((t) => t.state === "running").length;
  const stuck = own.find((t) => t.state !== "running");
  const problem = stuck
    ? `${stuck.state}${stuck.error ? `: ${stuck.error}` : ""}`
    : undefined;
  return {
    name: service.name,
    running,
    wanted: service.spec.Mode?.Replicated?.Replicas ?? 1,
    ...(problem ? { problem } : {}),
  };
}

function overallState(services: ServiceStatus[]): EnvironmentState {
  const wanted = services.reduce((n, s) => n + s.wanted, 0);
  const running = services.reduce(
    (n, s) => n + Math.min(s.running, s.wanted),
    0,
  );
  if (wanted === 0) return "stopped";
  if (running === wanted) return "healthy";
  if (services.some((s) => s.problem && !s.problem.startsWith("starting"))) {
    return "degraded";
  }
  return "starting";
}

function accessPoints(service: LiveService): AccessPoint[] {
  const tcp = (service.spec.Labels?.[TCP_ACCESS_LABEL] ?? "").split(",");
  return (service.spec.EndpointSpec?.Ports ?? [])
    .filter((p) => p.PublishedPort && p.Name !== SSH_PORT_NAME)
    .map((p) => {
      const name = p.Name ?? String(p.TargetPort);
      const protocol = tcp.includes(name) ? "tcp" : "http";
      const address = `${publicHost()}:${p.PublishedPort}`;
      return {
        name,
        service: service.name,
        port: p.TargetPort,
        protocol,
        url: protocol === "tcp" ? `tcp://${address}` : `http://${address}/`,
      };
    });
}

function latest(dates: (string | undefined)[]): string | undefined {
  return dates
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
}
