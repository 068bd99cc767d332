/**
 * Issue and pull request comments in the double's state.
 */
import { type DoubleContext, repoApiUrl, repoWebUrl } from "./context.js";
import { userObject } from "./rest-people.js";
import { type CommentState, nextId, now } from "./state.js";

/** GitHub refuses comment bodies longer than this, in characters. */
export const MAX_COMMENT_CHARACTERS = 65_536;

/** Why GitHub would refuse `body`, or undefined. */
export function commentBodyError(body: string): string | undefined {
  const length = [...body].length;
  if (length <= MAX_COMMENT_CHARACTERS) return undefined;
  return (
    `body is too long (maximum is ${MAX_COMMENT_CHARACTERS} characters; ` +
    `this one has ${length})`
  );
}

/** Whether issue or pull request `number` exists. */
export function issueExists(ctx: DoubleContext, number: number): boolean {
  return ctx.state.pulls.has(number) || ctx.state.issues.has(number);
}

/** Stores a new comment. */
export function addComment(
  ctx: DoubleContext,
  issue: number,
  user: string,
  body: string,
): CommentState {
  const at = now();
  const comment = {
    id: nextId(ctx.state),
    issue,
    user,
    body,
    createdAt: at,
    updatedAt: at,
  };
  ctx.state.comments.push(comment);
  return comment;
}

/** The REST object of a comment. */
export function commentObject(ctx: DoubleContext, c: CommentState) {
  const kind = ctx.state.pulls.has(c.issue) ? "pull" : "issues";
  return {
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${repoApiUrl(ctx)}/issues/comments/${c.id}`,
    html_url: `${repoWebUrl(ctx)}/${kind}/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${repoApiUrl(ctx)}/issues/${c.issue}`,
    body: c.body,
    user: userObject(ctx, c.user),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: c.user === ctx.botLogin ? "NONE" : "COLLABORATOR",
  };
}
