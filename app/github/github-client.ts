/** The GitHub API client Berth uses, and how it names a repository. */
import type { ProbotOctokit } from "probot";

/** An installation's authenticated Octokit, with Probot's plugins. */
export type GitHubClient = InstanceType<typeof ProbotOctokit>;

/** A repository, as the REST API's path parameters name it. */
export interface RepoRef {
  owner: string;
  repo: string;
}

/** `owner/repo`. */
export function fullName(ref: RepoRef): string {
  return `${ref.owner}/${ref.repo}`;
}
