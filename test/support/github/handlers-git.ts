/**
 * Endpoints that read commits, trees and blobs from the served repository.
 */
import { repoApiUrl, repoWebUrl } from "./context.js";
import {
  changedFiles,
  commitsBetween,
  countAhead,
  mergeBase,
} from "./git-diff.js";
import {
  listTree,
  objectType,
  readBlob,
  readCommit,
  resolveCommit,
} from "./git-read.js";
import { failure, notFound, validationFailed } from "./github-errors.js";
import { type Handler, ok } from "./handler.js";
import { commitObject, fileObject, gitCommitObject } from "./rest-commit.js";

const MAX_TREE_ENTRIES = 100_000;

/** Base64 wrapped at 60 columns, as GitHub sends file contents. */
export function wrappedBase64(bytes: Buffer): string {
  const text = bytes.toString("base64");
  return (text.match(/.{1,60}/g) ?? [""]).join("\n") + "\n";
}

/** Whether the request asked for raw contents (`mediaType.format: raw`). */
export function wantsRaw(accept: string | undefined): boolean {
  return /application\/vnd\.github(\.v3)?\.raw/.test(accept ?? "");
}

const getTree: Handler = async (ctx, { params, query }) => {
  const wanted = params["tree_sha"] ?? "";
  let tree =
    (await objectType(ctx.git, wanted)) === "tree" ? wanted : undefined;
  if (!tree) {
    const commit = await resolveCommit(ctx.git, wanted);
    if (!commit) return notFound();
    tree = await ctx.git.text(["rev-parse", `${commit}^{tree}`]);
  }
  const entries = await listTree(ctx.git, tree, "recursive" in query);
  const api = repoApiUrl(ctx);
  return ok({
    sha: tree,
    url: `${api}/git/trees/${tree}`,
    truncated: entries.length > MAX_TREE_ENTRIES,
    tree: entries.slice(0, MAX_TREE_ENTRIES).map((e) => ({
      path: e.path,
      mode: e.mode,
      type: e.type,
      sha: e.sha,
      ...(e.size === undefined ? {} : { size: e.size }),
      url: `${api}/git/${e.type === "tree" ? "trees" : "blobs"}/${e.sha}`,
    })),
  });
};

const getBlob: Handler = async (ctx, { params, headers }) => {
  const sha = params["file_sha"] ?? "";
  if ((await objectType(ctx.git, sha)) !== "blob") return notFound();
  const full = await ctx.git.text(["rev-parse", sha]);
  const bytes = await readBlob(ctx.git, full);
  if (wantsRaw(headers.accept)) return { status: 200, raw: bytes };
  return ok({
    sha: full,
    node_id: `B_${full}`,
    size: bytes.length,
    url: `${repoApiUrl(ctx)}/git/blobs/${full}`,
    content: wrappedBase64(bytes),
    encoding: "base64",
  });
};

const getGitCommit: Handler = async (ctx, { params }) => {
  const sha = params["commit_sha"] ?? "";
  if ((await objectType(ctx.git, sha)) !== "commit") return notFound();
  return ok(gitCommitObject(ctx, await readCommit(ctx.git, sha)));
};

const getCommit: Handler = async (ctx, { params, headers }) => {
  const sha = await resolveCommit(ctx.git, params["ref"] ?? "");
  if (!sha) {
    return validationFailed(`No commit found for SHA: ${params["ref"]}`);
  }
  if (/vnd\.github(\.v3)?\.sha/.test(headers.accept ?? "")) {
    return { status: 200, raw: Buffer.from(sha) };
  }
  const info = await readCommit(ctx.git, sha);
  const parent = info.parents[0] ?? (await emptyTree(ctx.git));
  const files = await changedFiles(ctx.git, parent, sha);
  const additions = files.reduce((n, f) => n + f.additions, 0);
  const deletions = files.reduce((n, f) => n + f.deletions, 0);
  return ok({
    ...commitObject(ctx, info),
    stats: { additions, deletions, total: additions + deletions },
    files: files.slice(0, 300).map((f) => fileObject(ctx, f, sha)),
  });
};

function emptyTree(git: Parameters<Handler>[0]["git"]) {
  return git.text(["hash-object", "-t", "tree", "/dev/null"]);
}

function compareStatus(ahead: number, behind: number) {
  if (ahead === 0 && behind === 0) return "identical";
  if (behind === 0) return "ahead";
  if (ahead === 0) return "behind";
  return "diverged";
}

const compare: Handler = async (ctx, { params }) => {
  const [baseRef = "", headRef = ""] = (params["basehead"] ?? "").split(
    /\.{2,3}/,
  );
  const base = await resolveCommit(ctx.git, baseRef);
  const head = await resolveCommit(ctx.git, headRef);
  if (!base || !head) return notFound();
  const from = await mergeBase(ctx.git, base, head);
  if (!from) {
    return failure(
      404,
      `No common ancestor between ${baseRef} and ${headRef}.`,
    );
  }
  const ahead = await countAhead(ctx.git, base, head);
  const behind = await countAhead(ctx.git, head, base);
  const shas = await commitsBetween(ctx.git, base, head);
  const commits = await Promise.all(
    shas.map(async (sha) => commitObject(ctx, await readCommit(ctx.git, sha))),
  );
  const files = await changedFiles(ctx.git, from, head);
  const api = repoApiUrl(ctx);
  const web = repoWebUrl(ctx);
  return ok({
    url: `${api}/compare/${baseRef}...${headRef}`,
    html_url: `${web}/compare/${baseRef}...${headRef}`,
    permalink_url: `${web}/compare/${base}...${head}`,
    diff_url: `${web}/compare/${baseRef}...${headRef}.diff`,
    patch_url: `${web}/compare/${baseRef}...${headRef}.patch`,
    base_commit: commitObject(ctx, await readCommit(ctx.git, base)),
    merge_base_commit: commitObject(ctx, await readCommit(ctx.git, from)),
    status: compareStatus(ahead, behind),
    ahead_by: ahead,
    behind_by: behind,
    total_commits: ahead,
    commits,
    files: files.slice(0, 300).map((f) => fileObject(ctx, f, head)),
  });
};

/** Read endpoints backed by git, by operation id. */
export const gitReadHandlers: Record<string, Handler> = {
  "git/get-tree": getTree,
  "git/get-blob": getBlob,
  "git/get-commit": getGitCommit,
  "repos/get-commit": getCommit,
  "repos/compare-commits-with-basehead": compare,
};
