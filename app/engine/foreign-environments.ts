/**
 * Environments that a plan would take over from elsewhere: their live
 * services were applied from a commit that is not in this repository's
 * history, so another repository (or a rewritten history) made them.
 * Reported as warnings, since a rebased or amended branch looks the same.
 */
import type { Finding } from "../manifest/finding.js";
import type { ManifestFile } from "../manifest/types.js";
import { COMMIT_LABEL, ENVIRONMENT_LABEL } from "../swarm/labels.js";
import type { LiveState } from "../swarm/live-types.js";

/** A warning for each manifest whose environment runs from elsewhere. */
export function foreignEnvironments(
  manifests: readonly ManifestFile[],
  live: LiveState,
  history: ReadonlySet<string>,
): Finding[] {
  const commits = new Map<string, string>();
  for (const service of live.services) {
    const labels = service.spec.Labels ?? {};
    const env = labels[ENVIRONMENT_LABEL];
    const commit = labels[COMMIT_LABEL];
    if (env && commit) commits.set(env, commit);
  }

  return manifests.flatMap(({ file, manifest }) => {
    const name = manifest.metadata.name;
    const commit = commits.get(name);
    if (!commit || history.has(commit)) return [];
    return [
      {
        file,
        line: 1,
        column: 1,
        path: "metadata.name",
        message:
          `environment ${name} runs from commit ${commit.slice(0, 12)}, ` +
          "which is not in this repository's history; applying takes it " +
          "over",
        fix:
          "if another repository manages it, choose another name; after " +
          "a rebase or amend, apply as usual",
        severity: "warning",
      },
    ];
  });
}
