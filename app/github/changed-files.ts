/**
 * The files a pull request changes. GitHub's file list stops at 3,000
 * files; beyond that, the trees of the merge base and the head are
 * compared instead, so no changed manifest is ever missed.
 */
import type { GitHubClient, RepoRef } from "./github-client.js";
import type { ChangedFile } from "./changed-file.js";
import type { RepositorySource } from "./repository-source.js";
import { isBerthPath } from "./changed-file.js";
import { diffTrees } from "./tree-diff.js";

/** GitHub lists at most this many files of a pull request. */
export const FILE_LIST_LIMIT = 3_000;

/** A pull request's number, base and head commits. */
export interface PullRequestRange {
  number: number;
  baseSha: string;
  headSha: string;
}

/** Changed files of pull request `range` under environments/ or templates/. */
export async function pullRequestChanges(
  octokit: GitHubClient,
  repo: RepoRef,
  source: RepositorySource,
  range: PullRequestRange,
): Promise<ChangedFile[]> {
  const listed = await octokit.paginate(octokit.rest.pulls.listFiles, {
    ...repo,
    pull_number: range.number,
    per_page: 100,
  });
  if (listed.length < FILE_LIST_LIMIT) {
    return listed
      .map((file): ChangedFile => ({
        path: file.filename,
        status: toStatus(file.status),
        ...(file.previous_filename
          ? { previousPath: file.previous_filename }
          : {}),
      }))
      .filter((f) => isBerthPath(f.path) || isBerthPath(f.previousPath ?? ""));
  }
  const base = await mergeBase(octokit, repo, range);
  return compareCommits(source, base, range.headSha);
}

/** Changed Berth files between two commits, by comparing their trees. */
export async function compareCommits(
  source: RepositorySource,
  base: string,
  head: string,
): Promise<ChangedFile[]> {
  const [before, after] = await Promise.all([
    source.listFiles(base),
    source.listFiles(head),
  ]);
  return diffTrees(before, after);
}

async function mergeBase(
  octokit: GitHubClient,
  repo: RepoRef,
  range: PullRequestRange,
): Promise<string> {
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
    ...repo,
    basehead: `${range.baseSha}...${range.headSha}`,
    per_page: 1,
  });
  return data.merge_base_commit.sha;
}

function toStatus(status: string): ChangedFile["status"] {
  if (status === "added" || status === "removed" || status === "renamed") {
    return status;
  }
  return "modified";
}
