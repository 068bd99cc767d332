/**
 * Pre-flight checks: problems that would make an apply fail or hang on
 * the cluster, found before anything is changed. Pure.
 */
import type { Finding } from "../manifest/finding.js";
import type { DesiredEnvironment } from "../render/types.js";
import type { LiveState } from "../swarm/live-types.js";
import {
  checkReservedPorts,
  desiredClaims,
  liveClaims,
  samePort,
  takenPortFinding,
  type PortClaim,
} from "./preflight-ports.js";
import { checkReservations } from "./preflight-resources.js";

export { RESERVED_PORTS } from "./preflight-ports.js";

export interface PreflightOptions {
  /** Manifest path for findings; default the environment's name. */
  file?: string;
  /** Environments planned before this one in the same run. */
  others?: readonly DesiredEnvironment[];
  /** Environments being destroyed: their ports are free again. */
  destroy?: readonly string[];
}

export interface PreflightAllOptions {
  /** Manifest path by environment name, for findings. */
  manifestPaths?: ReadonlyMap<string, string>;
  destroy?: readonly string[];
}

/**
 * Checks one desired environment against the live cluster: reservations
 * no node can satisfy, reserved ports, and ports that a service of
 * another environment already publishes.
 */
export function preflight(
  desired: DesiredEnvironment,
  live: LiveState,
  options: PreflightOptions = {},
): Finding[] {
  const all = [...(options.others ?? []), desired];
  const paths = new Map([[desired.name, options.file ?? desired.name]]);
  const findings = preflightAll(all, live, {
    manifestPaths: paths,
    destroy: options.destroy ?? [],
  });

  return findings.get(desired.name) ?? [];
}

/**
 * Checks several desired environments together. Of two environments that
 * publish the same port, the one whose live services publish it already
 * keeps it; otherwise the one listed first. Returns findings by name.
 */
export function preflightAll(
  desired: readonly DesiredEnvironment[],
  live: LiveState,
  options: PreflightAllOptions = {},
): Map<string, Finding[]> {
  const planned = new Set([
    ...desired.map((env) => env.name),
    ...(options.destroy ?? []),
  ]);
  const fixed = liveClaims(live, new Set(options.destroy ?? []));
  const contested = rankClaims(desired, fixed);
  const result = new Map<string, Finding[]>();

  for (const env of desired) {
    const file = options.manifestPaths?.get(env.name) ?? env.name;
    const claims = desiredClaims(env);
    const others = fixed.filter((c) => !planned.has(c.environment));

    result.set(env.name, [
      ...checkReservations(env.services, live.nodes, file),
      ...checkReservedPorts(claims, file),
      ...checkTakenPorts(claims, [...others, ...contested], file),
    ]);
  }

  return result;
}

/** Desired claims, those already held live first, then in list order. */
function rankClaims(
  desired: readonly DesiredEnvironment[],
  live: readonly PortClaim[],
): PortClaim[] {
  const claims = desired.flatMap(desiredClaims);
  const holds = (claim: PortClaim) =>
    live.some(
      (held) => held.environment === claim.environment && samePort(held, claim),
    );

  return [...claims.filter(holds), ...claims.filter((c) => !holds(c))];
}

/** Findings for claims that an earlier claim in `ranked` holds. */
function checkTakenPorts(
  claims: readonly PortClaim[],
  ranked: readonly PortClaim[],
  file: string,
): Finding[] {
  return claims.flatMap((claim) => {
    const holder = ranked.find((other) => samePort(other, claim));

    if (!holder || holder.service === claim.service) {
      return [];
    }

    return [takenPortFinding(claim, holder, file)];
  });
}
