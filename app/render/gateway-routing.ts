/**
 * What changes in an environment's services when a gateway runs: HTTP
 * access ports are no longer published on the host but reached through
 * the gateway's network, and the workspace's SSH server, when it runs
 * one, gets a published port of its own with the owners' keys. Pure.
 */
import type { PortConfig, ServiceSpec } from "../swarm/spec-types.js";
import { GATEWAY_ACCESS_LABEL } from "../swarm/labels.js";
import type { AccessUrl } from "./types.js";

/** The gateway's part of rendering one environment. */
export interface GatewayRouting {
  /** ID of the gateway's network, which HTTP access services join. */
  networkId: string;
  /** Host port of the workspace's SSH server; none when absent. */
  sshPort?: number;
  /** The owners' public keys, one per line, for the user dev. */
  authorizedKeys?: string;
}

/** Name of the published port of a workspace's SSH server. */
export const SSH_PORT_NAME = "berth-ssh";

/** Whether the gateway routes `url`: HTTP ports when a gateway runs. */
export function routedByGateway(
  url: AccessUrl,
  routing: GatewayRouting | undefined,
): boolean {
  return routing !== undefined && url.protocol === "http";
}

/**
 * The SSH port of a workspace whose environment sets `BERTH_SSH=true`,
 * as the bundled templates' entrypoints read it.
 */
export function sshPorts(
  routing: GatewayRouting | undefined,
  env: Readonly<Record<string, string>>,
): PortConfig[] {
  if (!routing?.sshPort || env.BERTH_SSH !== "true") return [];
  return [
    {
      Name: SSH_PORT_NAME,
      Protocol: "tcp",
      TargetPort: 22,
      PublishedPort: routing.sshPort,
      PublishMode: "host",
    },
  ];
}

/** The workspace's env with the owners' keys, when there are any. */
export function withAuthorizedKeys(
  env: Record<string, string>,
  routing: GatewayRouting | undefined,
): Record<string, string> {
  if (!routing?.authorizedKeys) return env;
  return { ...env, SSH_AUTHORIZED_KEYS: routing.authorizedKeys };
}

/** Joins `spec` to the gateway's network and labels its routed ports. */
export function joinGateway(
  spec: ServiceSpec,
  routing: GatewayRouting,
  routed: readonly AccessUrl[],
): void {
  if (routed.length === 0) return;
  spec.TaskTemplate.Networks = [
    ...(spec.TaskTemplate.Networks ?? []),
    { Target: routing.networkId },
  ];
  spec.Labels = {
    ...spec.Labels,
    [GATEWAY_ACCESS_LABEL]: [...routed]
      .map((url) => `${url.name}=${url.port}`)
      .sort()
      .join(","),
  };
}
