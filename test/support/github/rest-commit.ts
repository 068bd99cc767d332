/**
 * Commits and changed files as the REST API shows them.
 */
import { type DoubleContext, repoApiUrl, repoWebUrl } from "./context.js";
import type { ChangedFile } from "./git-diff.js";
import type { CommitInfo } from "./git-read.js";

/** A commit as `git/commits/{sha}` shows it. */
export function gitCommitObject(ctx: DoubleContext, c: CommitInfo) {
  const api = repoApiUrl(ctx);
  return {
    sha: c.sha,
    node_id: `C_${c.sha}`,
    url: `${api}/git/commits/${c.sha}`,
    html_url: `${repoWebUrl(ctx)}/commit/${c.sha}`,
    author: c.author,
    committer: c.committer,
    message: c.message,
    tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
    parents: c.parents.map((sha) => ({
      sha,
      url: `${api}/git/commits/${sha}`,
      html_url: `${repoWebUrl(ctx)}/commit/${sha}`,
    })),
    verification: {
      verified: false,
      reason: "unsigned",
      signature: null,
      payload: null,
      verified_at: null,
    },
  };
}

/** A commit as `commits/{ref}` and `compare` show it. */
export function commitObject(ctx: DoubleContext, c: CommitInfo) {
  const api = repoApiUrl(ctx);
  const web = repoWebUrl(ctx);
  return {
    url: `${api}/commits/${c.sha}`,
    sha: c.sha,
    node_id: `C_${c.sha}`,
    html_url: `${web}/commit/${c.sha}`,
    comments_url: `${api}/commits/${c.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${c.sha}`,
      author: c.author,
      committer: c.committer,
      message: c.message,
      comment_count: 0,
      tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
    },
    author: null,
    committer: null,
    parents: c.parents.map((sha) => ({
      sha,
      url: `${api}/commits/${sha}`,
      html_url: `${web}/commit/${sha}`,
    })),
  };
}

/** A changed file as pull request files and comparisons list it. */
export function fileObject(ctx: DoubleContext, f: ChangedFile, ref: string) {
  const path = f.filename.split("/").map(encodeURIComponent).join("/");
  const file: Record<string, unknown> = {
    sha: f.sha,
    filename: f.filename,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    changes: f.additions + f.deletions,
    blob_url: `${repoWebUrl(ctx)}/blob/${ref}/${path}`,
    raw_url: `${repoWebUrl(ctx)}/raw/${ref}/${path}`,
    contents_url: `${repoApiUrl(ctx)}/contents/${path}?ref=${ref}`,
  };
  if (f.previous_filename) file["previous_filename"] = f.previous_filename;
  return file;
}
