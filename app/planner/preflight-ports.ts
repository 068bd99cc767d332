/**
 * Pre-flight checks of published ports: ports the cluster itself needs
 * are refused, and a port is given to one environment only.
 */
import type { Finding } from "../manifest/finding.js";
import type { DesiredEnvironment } from "../render/types.js";
import { ENVIRONMENT_LABEL } from "../swarm/labels.js";
import type { LiveState } from "../swarm/live-types.js";
import type { ServiceSpec } from "../swarm/spec-types.js";

/** Host ports no environment may publish, and what uses them. */
export const RESERVED_PORTS: ReadonlyMap<number, string> = new Map([
  [22, "SSH"],
  [80, "the HTTP gateway"],
  [443, "the HTTPS gateway"],
  [2377, "Swarm cluster management"],
  [4789, "overlay network traffic (VXLAN)"],
  [7946, "Swarm node discovery"],
]);

const PATH = "spec.access.ports";

export interface PortClaim {
  environment: string;
  service: string;
  port: number;
  protocol: string;
}

/** The published ports of a service spec. */
export function portClaims(
  environment: string,
  service: string,
  spec: ServiceSpec,
): PortClaim[] {
  return (spec.EndpointSpec?.Ports ?? []).flatMap((port) =>
    port.PublishedPort
      ? [
          {
            environment,
            service,
            port: port.PublishedPort,
            protocol: port.Protocol ?? "tcp",
          },
        ]
      : [],
  );
}

/** Ports published by the desired services of an environment. */
export function desiredClaims(environment: DesiredEnvironment): PortClaim[] {
  return environment.services.flatMap((service) =>
    portClaims(environment.name, service.name, service.spec),
  );
}

/** Ports published by live services, except those of `excluded`. */
export function liveClaims(
  live: LiveState,
  excluded: ReadonlySet<string>,
): PortClaim[] {
  return live.services.flatMap((service) => {
    const environment = service.spec.Labels?.[ENVIRONMENT_LABEL] ?? "";
    return excluded.has(environment)
      ? []
      : portClaims(environment, service.name, service.spec);
  });
}

/** Findings for reserved ports among `claims`. */
export function checkReservedPorts(
  claims: readonly PortClaim[],
  file: string,
): Finding[] {
  return claims.flatMap((claim) => {
    const user = RESERVED_PORTS.get(claim.port);

    if (user === undefined) {
      return [];
    }

    return [
      portFinding(
        file,
        `service ${claim.service} publishes port ${claim.port}, which is ` +
          `reserved for ${user}`,
        "choose a port that is not 22, 80, 443, 2377, 4789 or 7946",
      ),
    ];
  });
}

/** A finding for a port that another environment's service holds. */
export function takenPortFinding(
  claim: PortClaim,
  holder: PortClaim,
  file: string,
): Finding {
  const sameEnvironment = holder.environment === claim.environment;
  const owner = sameEnvironment
    ? `service ${holder.service} of the same environment`
    : `environment ${holder.environment} (service ${holder.service})`;

  return portFinding(
    file,
    `service ${claim.service} publishes port ${claim.port}/` +
      `${claim.protocol}, which ${owner} already publishes`,
    sameEnvironment
      ? "publish each port from one service only"
      : `choose another port, or destroy ${holder.environment} first`,
  );
}

function portFinding(file: string, message: string, fix: string): Finding {
  return {
    file,
    line: 1,
    column: 1,
    path: PATH,
    message,
    fix,
    severity: "error",
  };
}
