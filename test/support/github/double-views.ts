/**
 * The double's state as REST objects, for tests to assert on: what the app
 * wrote, completed exactly as GitHub's API would show it.
 */
import { responseSchema } from "./check-response.js";
import { commentObject } from "./comments.js";
import type { DoubleContext } from "./context.js";
import { fill } from "./fill-response.js";
import { checkRunObject } from "./handlers-checks.js";
import { deploymentObject, statusObject } from "./handlers-deployments.js";
import { pullOrThrow } from "./pull-requests.js";
import { issueObject } from "./rest-issue.js";
import { repositoryObject } from "./rest-people.js";
import { pullRequestObject } from "./rest-pull-request.js";
import type { GitHubDouble } from "./types.js";

type Views = Pick<
  GitHubDouble,
  | "repository"
  | "pullRequest"
  | "checkRuns"
  | "comments"
  | "reactions"
  | "deployments"
  | "issues"
>;

/** `real` completed as `GET path` of the served repository answers it. */
export function asServed<T>(ctx: DoubleContext, path: string, real: unknown) {
  const full = `/repos/${ctx.owner}/${ctx.repo}${path}`;
  const schema = responseSchema("GET", full, 200);
  return (schema ? fill(schema, real) : real) as T;
}

/** Read-only views of the double's state. */
export function stateViews(ctx: DoubleContext): Views {
  const { state } = ctx;
  return {
    repository: () => asServed(ctx, "", repositoryObject(ctx)),
    pullRequest: (n) =>
      asServed(ctx, `/pulls/${n}`, pullRequestObject(ctx, pullOrThrow(ctx, n))),
    checkRuns: () =>
      state.checkRuns.map((run) => ({
        ...asServed<object>(
          ctx,
          `/check-runs/${run.id}`,
          checkRunObject(ctx, run),
        ),
        annotations: structuredClone(run.annotations),
      })) as ReturnType<Views["checkRuns"]>,
    comments: (issue) =>
      state.comments
        .filter((c) => issue === undefined || c.issue === issue)
        .map((c) =>
          asServed(ctx, `/issues/comments/${c.id}`, commentObject(ctx, c)),
        ),
    reactions: () =>
      state.reactions.map(({ commentId, content, user }) => ({
        commentId,
        content,
        user,
      })),
    deployments: () =>
      state.deployments.map((d) => ({
        ...asServed<object>(
          ctx,
          `/deployments/${d.id}`,
          deploymentObject(ctx, d),
        ),
        statuses: d.statuses.map((s) =>
          asServed(
            ctx,
            `/deployments/${d.id}/statuses/${s.id}`,
            statusObject(ctx, d, s),
          ),
        ),
      })) as ReturnType<Views["deployments"]>,
    issues: () =>
      [...state.issues.values()].map((i) =>
        asServed(ctx, `/issues/${i.number}`, issueObject(ctx, i)),
      ),
  };
}
