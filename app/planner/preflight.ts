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
 * Claims are indexed by port, so a plan of many environments stays linear.
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
  const others = fixed.filter((claim) => !planned.has(claim.environment));
  const holders = firstHolders([...others, ...rankClaims(desired, fixed)]);
  const result = new Map<string, Finding[]>();

  for (const env of desired) {
    const file = options.manifestPaths?.get(env.name) ?? env.name;
    const claims = desiredClaims(env);

    result.set(env.name, [
      ...checkReservations(env.services, live.nodes, file),
      ...checkReservedPorts(claims, file),
      ...checkTakenPorts(claims, holders, file),
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
  const held = new Set(live.map((c) => `${c.environment} ${portKey(c)}`));
  const holds = (claim: PortClaim) =>
    held.has(`${claim.environment} ${portKey(claim)}`);

  return [...claims.filter(holds), ...claims.filter((c) => !holds(c))];
}

/** The first claim of each port in `ranked`, by port and protocol. */
function firstHolders(ranked: readonly PortClaim[]): Map<string, PortClaim> {
  const holders = new Map<string, PortClaim>();
  for (const claim of ranked) {
    if (!holders.has(portKey(claim))) holders.set(portKey(claim), claim);
  }
  return holders;
}

function portKey(claim: PortClaim): string {
  return `${claim.port}/${claim.protocol}`;
}

/** Findings for claims that another claim holds first. */
function checkTakenPorts(
  claims: readonly PortClaim[],
  holders: ReadonlyMap<string, PortClaim>,
  file: string,
): Finding[] {
  return claims.flatMap((claim) => {
    const holder = holders.get(portKey(claim));

    if (!holder || holder.service === claim.service) {
      return [];
    }

    return [takenPortFinding(claim, holder, file)];
  });
}
