/**
 * Issues (and pull requests seen as issues) as the REST API shows them.
 */
import { type DoubleContext, repoApiUrl, repoWebUrl } from "./context.js";
import { stableId, userObject } from "./rest-people.js";
import type { IssueState, PullState } from "./state.js";

function labelObject(ctx: DoubleContext, name: string) {
  const id = stableId(`label:${name}`);
  return {
    id,
    node_id: `LA_${id}`,
    url: `${repoApiUrl(ctx)}/labels/${encodeURIComponent(name)}`,
    name,
    color: "ededed",
    default: false,
    description: null,
  };
}

function common(ctx: DoubleContext, number: number, kind: "issues" | "pull") {
  const api = `${repoApiUrl(ctx)}/issues/${number}`;
  return {
    url: api,
    repository_url: repoApiUrl(ctx),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: `${repoWebUrl(ctx)}/${kind}/${number}`,
    number,
    locked: false,
    milestone: null,
    author_association: "NONE",
    comments: ctx.state.comments.filter((c) => c.issue === number).length,
  };
}

/** The REST object of an issue. */
export function issueObject(ctx: DoubleContext, issue: IssueState) {
  return {
    ...common(ctx, issue.number, "issues"),
    id: issue.id,
    node_id: `I_${issue.id}`,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: userObject(ctx, issue.user),
    labels: issue.labels.map((name) => labelObject(ctx, name)),
    assignee: issue.assignees[0] ? userObject(ctx, issue.assignees[0]) : null,
    assignees: issue.assignees.map((login) => userObject(ctx, login)),
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
  };
}

/** A pull request as the issues API lists it. */
export function pullAsIssueObject(ctx: DoubleContext, pr: PullState) {
  const html = `${repoWebUrl(ctx)}/pull/${pr.number}`;
  return {
    ...common(ctx, pr.number, "pull"),
    id: pr.id,
    node_id: `I_${pr.id}`,
    state: pr.state,
    state_reason: null,
    title: pr.title,
    body: pr.body,
    user: userObject(ctx, pr.user),
    labels: [],
    assignee: null,
    assignees: [],
    created_at: pr.createdAt,
    updated_at: pr.updatedAt,
    closed_at: pr.closedAt,
    pull_request: {
      url: `${repoApiUrl(ctx)}/pulls/${pr.number}`,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      merged_at: pr.merged ? pr.closedAt : null,
    },
  };
}
