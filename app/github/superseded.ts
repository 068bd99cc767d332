/**
 * Whether a commit is superseded for one environment: the environment was
 * last applied from a commit that the new one does not descend from (a
 * later merge was applied first). GitHub's compare API answers it.
 */
import type { LiveState } from "../swarm/live-types.js";
import { COMMIT_LABEL, ENVIRONMENT_LABEL } from "../swarm/labels.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** The commit `environment` was last applied from, if it runs. */
export function lastAppliedCommit(
  live: LiveState,
  environment: string,
): string | undefined {
  const service = live.services.find(
    (s) => s.spec.Labels?.[ENVIRONMENT_LABEL] === environment,
  );
  return service?.spec.Labels?.[COMMIT_LABEL];
}

/**
 * True when `commit` does not descend from `last`. A `last` that GitHub
 * does not know (applied from a local clone) never supersedes.
 */
export async function isSuperseded(
  octokit: GitHubClient,
  repo: RepoRef,
  last: string | undefined,
  commit: string,
): Promise<boolean> {
  if (!last || last === commit || !/^[0-9a-f]{40}$/.test(last)) return false;
  try {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: `${last}...${commit}`,
      per_page: 1,
    });
    return data.status === "behind" || data.status === "diverged";
  } catch (err) {
    if ((err as { status?: number }).status === 404) return false;
    throw err;
  }
}
