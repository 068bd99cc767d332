/**
 * Pull request endpoints: the pull request, its files and reviews, and
 * pull requests the app opens.
 */
import { type DoubleContext, repoApiUrl, repoWebUrl } from "./context.js";
import { type ChangedFile, changedFiles } from "./git-diff.js";
import { notFound, validationFailed } from "./github-errors.js";
import { type Handler, ok, str } from "./handler.js";
import { paginate } from "./pagination.js";
import { pullDiffBase, pullShas } from "./pull-commits.js";
import { openPull } from "./pull-requests.js";
import type { PullState } from "./state.js";
import { fileObject } from "./rest-commit.js";
import { userObject } from "./rest-people.js";
import { pullRequestObject } from "./rest-pull-request.js";

/** GitHub lists at most 3,000 files of a pull request. */
export const MAX_PULL_FILES = 3000;

const diffs = new Map<string, Promise<ChangedFile[]>>();

/** Changed files between two commits; commits never change, so cached. */
function filesBetween(ctx: DoubleContext, from: string, to: string) {
  const key = `${ctx.git.dir}:${from}..${to}`;
  let found = diffs.get(key);
  if (!found) {
    if (diffs.size > 100) diffs.clear();
    found = changedFiles(ctx.git, from, to);
    found.catch(() => diffs.delete(key));
    diffs.set(key, found);
  }
  return found;
}

function pullFrom(ctx: DoubleContext, params: Record<string, string>) {
  return ctx.state.pulls.get(Number(params["pull_number"]));
}

const getPull: Handler = (ctx, { params }) => {
  const pr = pullFrom(ctx, params);
  return pr ? ok(pullRequestObject(ctx, pr)) : notFound();
};

const listPulls: Handler = (ctx, { query, url }) => {
  const state = query["state"] ?? "open";
  const pulls = [...ctx.state.pulls.values()]
    .filter((pr) => state === "all" || pr.state === state)
    .filter((pr) => !query["base"] || pr.base === query["base"])
    .filter((pr) => !query["head"] || query["head"].endsWith(`:${pr.head}`))
    .reverse();
  return paginate(
    pulls.map((pr) => pullRequestObject(ctx, pr)),
    query,
    url,
  );
};

const listFiles: Handler = async (ctx, { params, query, url }) => {
  const pr = pullFrom(ctx, params);
  if (!pr) return notFound();
  const { head } = pullShas(ctx, pr);
  const files = await filesBetween(ctx, pullDiffBase(ctx, pr), head);
  const page = paginate(files, query, url, MAX_PULL_FILES);
  const listed = page.body as typeof files;
  return { ...page, body: listed.map((f) => fileObject(ctx, f, head)) };
};

const listReviews: Handler = (ctx, { params, query, url }) => {
  const pr = pullFrom(ctx, params);
  if (!pr) return notFound();
  const api = `${repoApiUrl(ctx)}/pulls/${pr.number}`;
  const html = `${repoWebUrl(ctx)}/pull/${pr.number}`;
  const reviews = ctx.state.reviews
    .filter((r) => r.pr === pr.number)
    .map((r) => ({
      id: r.id,
      node_id: `PRR_${r.id}`,
      user: userObject(ctx, r.user),
      body: "",
      state: r.state,
      html_url: `${html}#pullrequestreview-${r.id}`,
      pull_request_url: api,
      _links: {
        html: { href: `${html}#pullrequestreview-${r.id}` },
        pull_request: { href: api },
      },
      submitted_at: r.submittedAt,
      commit_id: r.commitId,
      author_association: "COLLABORATOR",
    }));
  return paginate(reviews, query, url);
};

const createPull: Handler = async (ctx, { body }) => {
  const head = (str(body["head"]) ?? "").replace(/^[^:]+:/, "");
  const base = str(body["base"]) ?? "";
  const exists = (b: string) =>
    ctx.git.maybe(["rev-parse", "--verify", "--quiet", `refs/heads/${b}`]);
  if (!(await exists(head))) return validationFailed(`head ${head} is invalid`);
  if (!(await exists(base))) return validationFailed(`base ${base} is invalid`);
  const ahead = await ctx.git.text(["rev-list", "--count", `${base}..${head}`]);
  if (ahead === "0") {
    return validationFailed(`No commits between ${base} and ${head}`);
  }
  const pr = openPull(ctx, {
    head,
    base,
    user: ctx.botLogin,
    title: str(body["title"]) ?? head,
    body: str(body["body"]) ?? null,
    draft: body["draft"] === true,
  });
  return ok(pullRequestObject(ctx, pr), 201);
};

/** Whether `sha` is one of the pull request's own commits. */
function containsCommit(ctx: DoubleContext, pr: PullState, sha: string) {
  const shas = pullShas(ctx, pr);
  if (pr.mergeCommitSha === sha || shas.head === sha) return true;
  if (pr.state !== "open") return false;
  const range = `${pullDiffBase(ctx, pr)}..${shas.head}`;
  return ctx.git.sync(["rev-list", range]).split("\n").includes(sha);
}

const listForCommit: Handler = (ctx, { params, query, url }) => {
  const sha = params["commit_sha"] ?? "";
  const pulls = [...ctx.state.pulls.values()]
    .filter((pr) => containsCommit(ctx, pr, sha))
    .map((pr) => pullRequestObject(ctx, pr));
  return paginate(pulls, query, url);
};

/** Pull request endpoints, by operation id. */
export const pullHandlers: Record<string, Handler> = {
  "pulls/get": getPull,
  "pulls/list": listPulls,
  "pulls/list-files": listFiles,
  "pulls/list-reviews": listReviews,
  "pulls/create": createPull,
  "repos/list-pull-requests-associated-with-commit": listForCommit,
};
