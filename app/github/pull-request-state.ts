/**
 * The current state of a pull request, read again from GitHub: results
 * for a head that is no longer the head are dropped, and nothing is
 * written on a pull request that was closed meanwhile.
 */
import { z } from "zod";
import type { GitHubClient, RepoRef } from "./github-client.js";

const PullRequestState = z.object({
  number: z.number(),
  state: z.string(),
  merged: z.boolean().optional(),
  html_url: z.string(),
  user: z.object({ login: z.string() }).nullable(),
  head: z.object({
    sha: z.string(),
    repo: z.object({ full_name: z.string() }).nullable(),
  }),
  base: z.object({ sha: z.string(), ref: z.string() }),
});
/** A pull request as GitHub has it now. */
export type PullRequestState = z.infer<typeof PullRequestState>;

/** Reads pull request `number` as it is now. */
export async function readPullRequest(
  octokit: GitHubClient,
  repo: RepoRef,
  number: number,
): Promise<PullRequestState> {
  const { data } = await octokit.rest.pulls.get({
    ...repo,
    pull_number: number,
  });
  return PullRequestState.parse(data);
}

/** Whether the head of a pull request lives in another repository. */
export function isFork(pr: PullRequestState, repo: RepoRef): boolean {
  return pr.head.repo?.full_name !== `${repo.owner}/${repo.repo}`;
}
