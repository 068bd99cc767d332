/**
 * Issues the app opens, edits and lists.
 */
import { commentBodyError } from "./comments.js";
import type { DoubleContext } from "./context.js";
import { notFound, validationFailed } from "./github-errors.js";
import { type Body, type Handler, ok, str } from "./handler.js";
import { paginate } from "./pagination.js";
import { issueObject, pullAsIssueObject } from "./rest-issue.js";
import { type IssueState, nextId, now } from "./state.js";

function labelNames(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .map((l) => (typeof l === "string" ? l : str((l as Body)["name"])))
    .filter((l): l is string => Boolean(l));
}

function logins(value: unknown): string[] | undefined {
  return Array.isArray(value)
    ? value.filter((v) => typeof v === "string")
    : undefined;
}

const create: Handler = (ctx, { body }) => {
  const title = String(body["title"] ?? "");
  if (title.trim() === "") return validationFailed("title can't be blank");
  const tooLong = commentBodyError(str(body["body"]) ?? "");
  if (tooLong) return validationFailed(tooLong);
  const at = now();
  const issue: IssueState = {
    number: ctx.state.nextNumber++,
    id: nextId(ctx.state),
    title,
    body: str(body["body"]) ?? null,
    state: "open",
    stateReason: null,
    labels: labelNames(body["labels"]) ?? [],
    assignees: logins(body["assignees"]) ?? [],
    user: ctx.botLogin,
    createdAt: at,
    updatedAt: at,
    closedAt: null,
  };
  ctx.state.issues.set(issue.number, issue);
  return ok(issueObject(ctx, issue), 201);
};

function applyUpdate(issue: IssueState, body: Body) {
  if (body["title"] !== undefined) issue.title = String(body["title"]);
  if (body["body"] !== undefined) issue.body = str(body["body"]) ?? null;
  issue.labels = labelNames(body["labels"]) ?? issue.labels;
  issue.assignees = logins(body["assignees"]) ?? issue.assignees;
  const state = str(body["state"]);
  if (state === "closed" && issue.state === "open") {
    issue.closedAt = now();
    issue.stateReason = str(body["state_reason"]) ?? "completed";
  }
  if (state === "open" && issue.state === "closed") {
    issue.closedAt = null;
    issue.stateReason = "reopened";
  }
  if (state === "open" || state === "closed") issue.state = state;
  issue.updatedAt = now();
}

function issueFrom(ctx: DoubleContext, params: Record<string, string>) {
  return ctx.state.issues.get(Number(params["issue_number"]));
}

const update: Handler = (ctx, { params, body }) => {
  const issue = issueFrom(ctx, params);
  if (!issue) return notFound();
  const tooLong = commentBodyError(str(body["body"]) ?? "");
  if (tooLong) return validationFailed(tooLong);
  applyUpdate(issue, body);
  return ok(issueObject(ctx, issue));
};

const get: Handler = (ctx, { params }) => {
  const issue = issueFrom(ctx, params);
  if (issue) return ok(issueObject(ctx, issue));
  const pr = ctx.state.pulls.get(Number(params["issue_number"]));
  return pr ? ok(pullAsIssueObject(ctx, pr)) : notFound();
};

const list: Handler = (ctx, { query, url }) => {
  const state = query["state"] ?? "open";
  const wanted = (query["labels"] ?? "").split(",").filter(Boolean);
  const issues = [...ctx.state.issues.values()]
    .filter((i) => state === "all" || i.state === state)
    .filter((i) => wanted.every((label) => i.labels.includes(label)))
    .filter((i) => !query["creator"] || i.user === query["creator"])
    .map((i) => ({ at: i.createdAt, n: i.number, o: issueObject(ctx, i) }));
  const pulls =
    wanted.length > 0
      ? []
      : [...ctx.state.pulls.values()]
          .filter((p) => state === "all" || p.state === state)
          .filter((p) => !query["creator"] || p.user === query["creator"])
          .map((p) => ({
            at: p.createdAt,
            n: p.number,
            o: pullAsIssueObject(ctx, p),
          }));
  const all = [...issues, ...pulls].sort((a, b) => b.n - a.n).map((x) => x.o);
  return paginate(all, query, url);
};

/** Issue endpoints, by operation id. */
export const issueHandlers: Record<string, Handler> = {
  "issues/create": create,
  "issues/update": update,
  "issues/get": get,
  "issues/list-for-repo": list,
};
