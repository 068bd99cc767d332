/** Reactions that acknowledge a comment command. */
import type { GitHubClient, RepoRef } from "../github/github-client.js";

export type Reaction = "eyes" | "+1" | "-1" | "confused";

/** Adds `content` to comment `commentId`; failures are not fatal. */
export async function react(
  octokit: GitHubClient,
  repo: RepoRef,
  commentId: number,
  content: Reaction,
): Promise<void> {
  await octokit.rest.reactions.createForIssueComment({
    ...repo,
    comment_id: commentId,
    content,
  });
}
