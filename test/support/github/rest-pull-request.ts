/**
 * A pull request as `GET /repos/{owner}/{repo}/pulls/{n}` shows it.
 */
import { type DoubleContext, repoApiUrl, repoWebUrl } from "./context.js";
import { pullCounts, pullShas } from "./pull-commits.js";
import { repositoryObject, userObject } from "./rest-people.js";
import type { PullState } from "./state.js";

function side(
  ctx: DoubleContext,
  pr: PullState,
  which: "head" | "base",
  sha: string,
) {
  const onFork = which === "head" && pr.fork;
  const owner = onFork ? pr.user : ctx.owner;
  const ref = which === "head" ? pr.head : pr.base;
  const repo =
    onFork && pr.forkDeleted
      ? null
      : repositoryObject(ctx, onFork ? pr.user : undefined);
  return {
    label: `${owner}:${ref}`,
    ref,
    sha,
    user: userObject(ctx, owner),
    repo,
  };
}

/** The REST object of pull request `pr`, built from state and git. */
export function pullRequestObject(ctx: DoubleContext, pr: PullState) {
  const shas = pullShas(ctx, pr);
  const api = `${repoApiUrl(ctx)}/pulls/${pr.number}`;
  const issue = `${repoApiUrl(ctx)}/issues/${pr.number}`;
  const html = `${repoWebUrl(ctx)}/pull/${pr.number}`;
  const comments = ctx.state.comments.filter((c) => c.issue === pr.number);
  return {
    url: api,
    id: pr.id,
    node_id: `PR_${pr.id}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issue,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${repoApiUrl(ctx)}/pulls/comments{/number}`,
    comments_url: `${issue}/comments`,
    statuses_url: `${repoApiUrl(ctx)}/statuses/${shas.head}`,
    number: pr.number,
    state: pr.state,
    locked: false,
    title: pr.title,
    user: userObject(ctx, pr.user),
    body: pr.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: pr.createdAt,
    updated_at: pr.updatedAt,
    closed_at: pr.closedAt,
    merged_at: pr.merged ? pr.closedAt : null,
    merge_commit_sha: pr.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side(ctx, pr, "head", shas.head),
    base: side(ctx, pr, "base", shas.base),
    _links: {
      self: { href: api },
      html: { href: html },
      issue: { href: issue },
      comments: { href: `${issue}/comments` },
      review_comments: { href: `${api}/comments` },
      review_comment: { href: `${repoApiUrl(ctx)}/pulls/comments{/number}` },
      commits: { href: `${api}/commits` },
      statuses: { href: `${repoApiUrl(ctx)}/statuses/${shas.head}` },
    },
    author_association: "CONTRIBUTOR",
    auto_merge: null,
    draft: pr.draft,
    merged: pr.merged,
    mergeable: pr.state === "open" ? true : null,
    rebaseable: pr.state === "open" ? true : null,
    mergeable_state: pr.state === "open" ? "clean" : "unknown",
    merged_by: pr.merged ? userObject(ctx, pr.user) : null,
    comments: comments.length,
    review_comments: 0,
    maintainer_can_modify: false,
    ...pullCounts(ctx, pr),
  };
}
