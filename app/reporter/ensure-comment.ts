/**
 * Keeps exactly one Berth comment on a pull request: finds it by its
 * hidden marker among the comments Berth's app wrote and edits it in
 * place, or creates it when there is none yet.
 */
import type { GitHubClient, RepoRef } from "../github/github-client.js";
import { COMMENT_MARKER } from "./render-comment.js";

/** Creates or updates the comment of pull request `issue`; returns its id. */
export async function ensureComment(
  octokit: GitHubClient,
  repo: RepoRef,
  issue: number,
  body: string,
): Promise<number> {
  const existing = await findComment(octokit, repo, issue);
  if (existing !== undefined) {
    await octokit.rest.issues.updateComment({
      ...repo,
      comment_id: existing,
      body,
    });
    return existing;
  }
  const { data } = await octokit.rest.issues.createComment({
    ...repo,
    issue_number: issue,
    body,
  });
  return data.id;
}

/** Updates the comment of `issue` when it has one; never creates one. */
export async function updateCommentIfPresent(
  octokit: GitHubClient,
  repo: RepoRef,
  issue: number,
  body: string,
): Promise<boolean> {
  const existing = await findComment(octokit, repo, issue);
  if (existing === undefined) return false;
  await octokit.rest.issues.updateComment({
    ...repo,
    comment_id: existing,
    body,
  });
  return true;
}

async function findComment(
  octokit: GitHubClient,
  repo: RepoRef,
  issue: number,
): Promise<number | undefined> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    ...repo,
    issue_number: issue,
    per_page: 100,
  });
  const ours = comments.find(
    (comment) =>
      comment.user?.type === "Bot" &&
      (comment.body ?? "").startsWith(COMMENT_MARKER),
  );
  return ours?.id;
}
