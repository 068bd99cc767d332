/**
 * What the workspace service gets from the manifest on top of its Compose
 * definition: the manifest's env (which wins), Berth's variables, and the
 * manifest's resources as both limit and reservation.
 */
import type { Manifest } from "../manifest/types.js";
import type { ServiceSpec } from "../swarm/spec-types.js";
import { canonicalJson } from "./canonical-json.js";

/** Owners of an environment: deduplicated and sorted. */
export function ownersOf(manifest: Manifest): string[] {
  return [...new Set(manifest.metadata.owners)].sort();
}

/** Environment variables Berth sets in every workspace. */
export function berthVariables(manifest: Manifest): Record<string, string> {
  const repositories = manifest.spec.repositories.map((repository) =>
    repository.ref === undefined
      ? { url: repository.url }
      : { url: repository.url, ref: repository.ref },
  );
  return {
    BERTH_ENVIRONMENT: manifest.metadata.name,
    BERTH_OWNERS: ownersOf(manifest).join(","),
    BERTH_REPOSITORIES: canonicalJson(repositories),
  };
}

/** The workspace's environment: Compose, then manifest, then Berth's. */
export function workspaceEnv(
  composeEnv: Readonly<Record<string, string>>,
  manifest: Manifest,
): Record<string, string> {
  return {
    ...composeEnv,
    ...manifest.spec.env,
    ...berthVariables(manifest),
  };
}

/** Sets the manifest's resources as limits and reservations of `spec`. */
export function applyWorkspaceResources(
  spec: ServiceSpec,
  manifest: Manifest,
): void {
  const { cpus, memory } = manifest.spec.resources;
  if (cpus === undefined && memory === undefined) return;

  const task = spec.TaskTemplate;
  const limits = { ...task.Resources?.Limits };
  const reservations = { ...task.Resources?.Reservations };
  if (cpus !== undefined) {
    limits.NanoCPUs = Math.round(cpus * 1e9);
    reservations.NanoCPUs = Math.round(cpus * 1e9);
  }
  if (memory !== undefined) {
    limits.MemoryBytes = memory;
    reservations.MemoryBytes = memory;
  }
  task.Resources = { Limits: limits, Reservations: reservations };
}
