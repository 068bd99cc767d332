/**
 * The contents API and git refs, reading and writing the served repository.
 */
import { type DoubleContext, repoApiUrl, repoWebUrl } from "./context.js";
import {
  entryAt,
  listTree,
  readBlob,
  readCommit,
  resolveCommit,
} from "./git-read.js";
import type { TreeEntry } from "./git-read.js";
import { commitFile, setRef } from "./git-write.js";
import { failure, notFound, validationFailed } from "./github-errors.js";
import { type Handler, ok, str } from "./handler.js";
import { gitCommitObject } from "./rest-commit.js";
import { wantsRaw, wrappedBase64 } from "./handlers-git.js";

/** GitHub sends no content for files over 1 MB, only metadata. */
const MAX_INLINE_BYTES = 1024 * 1024;

function entryObject(ctx: DoubleContext, e: TreeEntry, ref: string) {
  const type =
    e.type === "tree" ? "dir" : e.type === "commit" ? "submodule" : "file";
  const path = e.path.split("/").map(encodeURIComponent).join("/");
  const self = `${repoApiUrl(ctx)}/contents/${path}?ref=${ref}`;
  const dir = type === "dir";
  const git = `${repoApiUrl(ctx)}/git/${dir ? "trees" : "blobs"}/${e.sha}`;
  const html = `${repoWebUrl(ctx)}/${dir ? "tree" : "blob"}/${ref}/${path}`;
  return {
    type,
    name: e.path.split("/").pop() ?? "",
    path: e.path,
    sha: e.sha,
    size: e.size ?? 0,
    url: self,
    git_url: git,
    html_url: html,
    download_url:
      type === "file" ? `${repoWebUrl(ctx)}/raw/${ref}/${path}` : null,
    _links: { self, git, html },
  };
}

const getContent: Handler = async (ctx, { params, query, headers }) => {
  const ref = query["ref"] ?? ctx.defaultBranch;
  const sha = await resolveCommit(ctx.git, ref);
  if (!sha) return failure(404, `No commit found for the ref ${ref}`);
  const entry = await entryAt(ctx.git, sha, params["path"] ?? "");
  if (!entry) return notFound();
  if (entry.type === "tree") {
    const listed = await listTree(ctx.git, entry.sha, false);
    const prefix = entry.path ? `${entry.path}/` : "";
    return ok(
      listed.map((e) => entryObject(ctx, { ...e, path: prefix + e.path }, ref)),
    );
  }
  const bytes = await readBlob(ctx.git, entry.sha);
  if (wantsRaw(headers.accept)) return { status: 200, raw: bytes };
  const big = bytes.length > MAX_INLINE_BYTES;
  return ok({
    ...entryObject(ctx, entry, ref),
    encoding: big ? "none" : "base64",
    content: big ? "" : wrappedBase64(bytes),
  });
};

async function writeFile(
  ctx: DoubleContext,
  body: Record<string, unknown>,
  path: string,
  content: Buffer | undefined,
) {
  const branch = str(body["branch"]) ?? ctx.defaultBranch;
  const tip = await resolveCommit(ctx.git, `refs/heads/${branch}`);
  if (!tip) return validationFailed(`Branch ${branch} not found`);
  const current = await entryAt(ctx.git, tip, path);
  const given = str(body["sha"]);
  if (current && given !== current.sha) {
    const why = given ? "does not match" : "wasn't supplied";
    return failure(
      409,
      `${path} exists and "sha" ${why} its blob ${current.sha}`,
    );
  }
  if (!current && content === undefined) return notFound();
  const sha = await commitFile(ctx.git, {
    branch,
    path,
    content,
    message: str(body["message"]) ?? "",
  });
  const commit = gitCommitObject(ctx, await readCommit(ctx.git, sha));
  const written = await entryAt(ctx.git, sha, path);
  const file = written ? entryObject(ctx, written, branch) : null;
  return ok({ content: file, commit }, current || !content ? 200 : 201);
}

const deleteFile: Handler = (ctx, { params, body }) =>
  writeFile(ctx, body, params["path"] ?? "", undefined);

const putFile: Handler = (ctx, { params, body }) =>
  writeFile(
    ctx,
    body,
    params["path"] ?? "",
    Buffer.from(str(body["content"]) ?? "", "base64"),
  );

function refObject(ctx: DoubleContext, ref: string, sha: string) {
  const api = repoApiUrl(ctx);
  return {
    ref,
    node_id: `REF_${ref}`,
    url: `${api}/git/${ref}`,
    object: { type: "commit", sha, url: `${api}/git/commits/${sha}` },
  };
}

const createRef: Handler = async (ctx, { body }) => {
  const ref = str(body["ref"]) ?? "";
  const sha = str(body["sha"]) ?? "";
  if (!/^refs\/[^/]+\/.+/.test(ref)) {
    return validationFailed(
      `${ref} is not a valid ref name: use refs/heads/NAME`,
    );
  }
  if (await resolveCommit(ctx.git, ref)) {
    return validationFailed("Reference already exists");
  }
  const commit = await resolveCommit(ctx.git, sha);
  if (!commit || commit !== sha)
    return validationFailed("Object does not exist");
  setRef(ctx.git, ref, sha);
  return ok(refObject(ctx, ref, sha), 201);
};

const getRef: Handler = async (ctx, { params }) => {
  const ref = `refs/${params["ref"] ?? ""}`;
  const sha = await ctx.git.maybe(["rev-parse", "--verify", "--quiet", ref]);
  return sha ? ok(refObject(ctx, ref, sha)) : notFound();
};

/** Contents and refs endpoints, by operation id. */
export const contentHandlers: Record<string, Handler> = {
  "repos/get-content": getContent,
  "repos/delete-file": deleteFile,
  "repos/create-or-update-file-contents": putFile,
  "git/create-ref": createRef,
  "git/get-ref": getRef,
};
