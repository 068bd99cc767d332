/**
 * Reads commits, trees and blobs from the served repository.
 */
import type { Git } from "./git-command.js";

/** A commit as git records it. */
export interface CommitInfo {
  sha: string;
  tree: string;
  parents: string[];
  author: { name: string; email: string; date: string };
  committer: { name: string; email: string; date: string };
  message: string;
}

/** One entry of a tree listing. */
export interface TreeEntry {
  mode: string;
  type: "blob" | "tree" | "commit";
  sha: string;
  size?: number;
  path: string;
}

/** The commit sha that `ref` names, or undefined when it names none. */
export async function resolveCommit(
  git: Git,
  ref: string,
): Promise<string | undefined> {
  if (ref.startsWith("-")) return undefined;
  const candidates = [ref, `refs/heads/${ref}`, `refs/${ref}`];
  for (const candidate of candidates) {
    const sha = await git.maybe([
      "rev-parse",
      "--verify",
      "--quiet",
      `${candidate}^{commit}`,
    ]);
    if (sha) return sha;
  }
  return undefined;
}

/** The commit `sha` with its metadata. */
export async function readCommit(git: Git, sha: string): Promise<CommitInfo> {
  const format =
    "%H%x00%T%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B";
  const out = await git.text(["show", "-s", `--format=${format}`, sha]);
  const [hash, tree, parents, an, ae, ad, cn, ce, cd, ...message] =
    out.split("\0");
  return {
    sha: hash ?? sha,
    tree: tree ?? "",
    parents: parents ? parents.split(" ").filter(Boolean) : [],
    author: { name: an ?? "", email: ae ?? "", date: utc(ad) },
    committer: { name: cn ?? "", email: ce ?? "", date: utc(cd) },
    message: message.join("\0").replace(/\n+$/, ""),
  };
}

function utc(date: string | undefined): string {
  return new Date(date ?? 0).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The entries of a tree (or a commit's tree), optionally recursive. */
export async function listTree(
  git: Git,
  treeish: string,
  recursive: boolean,
): Promise<TreeEntry[]> {
  const args = ["ls-tree", "-l", "-z", ...(recursive ? ["-r", "-t"] : [])];
  const out = await git.text([...args, treeish]);
  return out
    .split("\0")
    .filter(Boolean)
    .map((line) => {
      const [meta = "", path = ""] = line.split("\t");
      const [mode = "", type = "", sha = "", size = "-"] = meta.split(/ +/);
      const entry: TreeEntry = {
        mode,
        type: type as TreeEntry["type"],
        sha,
        path,
      };
      if (size !== "-") entry.size = Number(size);
      return entry;
    });
}

/** The object type of `sha`, or undefined when there is none. */
export async function objectType(git: Git, sha: string) {
  if (!/^[0-9a-f]{4,40}$/.test(sha)) return undefined;
  return git.maybe(["cat-file", "-t", sha]);
}

/** The bytes of blob `sha`. */
export function readBlob(git: Git, sha: string): Promise<Buffer> {
  return git.bytes(["cat-file", "blob", sha]);
}

/** The entry at `path` in commit `sha`, or undefined. */
export async function entryAt(
  git: Git,
  sha: string,
  path: string,
): Promise<TreeEntry | undefined> {
  const clean = path.replace(/^\/+|\/+$/g, "");
  if (clean === "") {
    const tree = await git.text(["rev-parse", `${sha}^{tree}`]);
    return { mode: "040000", type: "tree", sha: tree, path: "" };
  }
  const out = await git.text(["ls-tree", "-l", "-z", sha, "--", clean]);
  const line = out.split("\0").find(Boolean);
  if (!line) return undefined;
  const [meta = "", found = ""] = line.split("\t");
  if (found !== clean) return undefined;
  const [mode = "", type = "", object = "", size = "-"] = meta.split(/ +/);
  const entry: TreeEntry = {
    mode,
    type: type as TreeEntry["type"],
    sha: object,
    path: found,
  };
  if (size !== "-") entry.size = Number(size);
  return entry;
}
