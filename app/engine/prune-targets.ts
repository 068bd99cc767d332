/**
 * Which environments a pruning plan destroys. Only environments whose
 * manifest is gone from the repository: while any manifest or template
 * has errors, nothing is pruned, since a file that does not load may be
 * the very manifest of a running environment, and an empty, oversized or
 * broken file must never mean "destroy".
 */
import type { Finding } from "../manifest/finding.js";
import { hasErrors } from "../manifest/finding.js";
import type { ManifestFile } from "../manifest/types.js";
import type { LiveState } from "../swarm/live-types.js";
import { COMMIT_LABEL, ENVIRONMENT_LABEL } from "../swarm/labels.js";

export interface PruneTargets {
  destroy: string[];
  /** Why environments that would be pruned are kept, when they are. */
  held?: Finding;
}

/** The orphans of `live`, unless `loadFindings` hold an error. */
export function pruneTargets(
  live: LiveState,
  manifests: readonly ManifestFile[],
  loadFindings: readonly Finding[],
  history?: ReadonlySet<string>,
): PruneTargets {
  const orphans = orphanEnvironments(live, manifests, history);
  if (orphans.length === 0 || !hasErrors(loadFindings)) {
    return { destroy: orphans };
  }

  return {
    destroy: [],
    held: {
      file: "environments/",
      line: 1,
      column: 1,
      path: "",
      message:
        `not pruning ${orphans.join(", ")}: a manifest that fails to ` +
        "load may be theirs",
      fix:
        "fix the errors above; to destroy an environment, delete its " +
        "manifest file",
      severity: "warning",
    },
  };
}

/**
 * Live environments with no manifest in the repository; with `history`,
 * only those whose services were applied from one of its commits.
 */
export function orphanEnvironments(
  live: LiveState,
  manifests: readonly ManifestFile[],
  history?: ReadonlySet<string>,
): string[] {
  const wanted = new Set(manifests.map((m) => m.manifest.metadata.name));
  const running = new Map<string, boolean>();
  for (const object of [...live.services, ...live.networks, ...live.configs]) {
    const labels = "spec" in object ? object.spec.Labels : object.labels;
    const env = labels?.[ENVIRONMENT_LABEL];
    if (!env || wanted.has(env)) continue;
    const commit = labels?.[COMMIT_LABEL];
    const ours = !history || (commit !== undefined && history.has(commit));
    running.set(env, (running.get(env) ?? false) || ours);
  }
  return [...running]
    .filter(([, ours]) => ours)
    .map(([env]) => env)
    .sort();
}
