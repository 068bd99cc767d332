/**
 * Comments on issues and pull requests, and reactions to them.
 */
import {
  addComment,
  commentBodyError,
  commentObject,
  issueExists,
} from "./comments.js";
import type { DoubleContext } from "./context.js";
import { notFound, validationFailed } from "./github-errors.js";
import { type Handler, ok, str } from "./handler.js";
import { paginate } from "./pagination.js";
import { userObject } from "./rest-people.js";
import { nextId, now } from "./state.js";

function commentFrom(ctx: DoubleContext, params: Record<string, string>) {
  const id = Number(params["comment_id"]);
  return ctx.state.comments.find((c) => c.id === id);
}

const list: Handler = (ctx, { params, query, url }) => {
  const issue = Number(params["issue_number"]);
  if (!issueExists(ctx, issue)) return notFound();
  const since = query["since"];
  const comments = ctx.state.comments
    .filter((c) => c.issue === issue)
    .filter((c) => !since || c.updatedAt >= since)
    .map((c) => commentObject(ctx, c));
  return paginate(comments, query, url);
};

const create: Handler = (ctx, { params, body }) => {
  const issue = Number(params["issue_number"]);
  if (!issueExists(ctx, issue)) return notFound();
  const text = str(body["body"]) ?? "";
  const error = commentBodyError(text);
  if (error) return validationFailed(error);
  const comment = addComment(ctx, issue, ctx.botLogin, text);
  return ok(commentObject(ctx, comment), 201);
};

const update: Handler = (ctx, { params, body }) => {
  const comment = commentFrom(ctx, params);
  if (!comment) return notFound();
  const text = str(body["body"]) ?? "";
  const error = commentBodyError(text);
  if (error) return validationFailed(error);
  if (comment.user !== ctx.botLogin) {
    return validationFailed(
      `comment ${comment.id} was written by ${comment.user}; ` +
        "an app can only edit its own comments",
    );
  }
  comment.body = text;
  comment.updatedAt = now();
  return ok(commentObject(ctx, comment));
};

const get: Handler = (ctx, { params }) => {
  const comment = commentFrom(ctx, params);
  return comment ? ok(commentObject(ctx, comment)) : notFound();
};

const react: Handler = (ctx, { params, body }) => {
  const comment = commentFrom(ctx, params);
  if (!comment) return notFound();
  const content = str(body["content"]) ?? "";
  const user = ctx.botLogin;
  const existing = ctx.state.reactions.find(
    (r) =>
      r.commentId === comment.id && r.content === content && r.user === user,
  );
  const reaction = existing ?? {
    id: nextId(ctx.state),
    commentId: comment.id,
    content,
    user,
    createdAt: now(),
  };
  if (!existing) ctx.state.reactions.push(reaction);
  return ok(
    {
      id: reaction.id,
      node_id: `REA_${reaction.id}`,
      user: userObject(ctx, user),
      content,
      created_at: reaction.createdAt,
    },
    existing ? 200 : 201,
  );
};

/** Comment and reaction endpoints, by operation id. */
export const commentHandlers: Record<string, Handler> = {
  "issues/list-comments": list,
  "issues/create-comment": create,
  "issues/update-comment": update,
  "issues/get-comment": get,
  "reactions/create-for-issue-comment": react,
};
