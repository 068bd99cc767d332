/**
 * Writes to the served repository the way GitHub's API would: new refs,
 * commits that add or remove one file, and merge commits, all without
 * touching the working tree unless the target branch is checked out there.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Git } from "./git-command.js";

const IDENTITY = {
  GIT_AUTHOR_NAME: "GitHub",
  GIT_AUTHOR_EMAIL: "noreply@github.example",
  GIT_COMMITTER_NAME: "GitHub",
  GIT_COMMITTER_EMAIL: "noreply@github.example",
};

/** Points `refs/heads/<branch>` (or a full ref) at `sha`. */
export function setRef(git: Git, ref: string, sha: string) {
  git.sync(["update-ref", ref, sha]);
  syncCheckout(git, ref);
}

/** The branch checked out in the working tree, if any. */
export function checkedOutBranch(git: Git): string | undefined {
  try {
    return git.sync(["symbolic-ref", "-q", "HEAD"]);
  } catch {
    return undefined;
  }
}

/** After a ref moved, brings a clean working tree of it up to date. */
function syncCheckout(git: Git, ref: string) {
  if (checkedOutBranch(git) !== ref) return;
  git.sync(["reset", "-q", "--keep", ref]);
}

/**
 * Commits on `branch` a change of one file: new content, or removal when
 * `content` is undefined. Returns the new commit's sha.
 */
export async function commitFile(
  git: Git,
  input: { branch: string; path: string; content?: Buffer; message: string },
): Promise<string> {
  const ref = `refs/heads/${input.branch}`;
  const parent = await git.text(["rev-parse", "--verify", ref]);
  const scratch = mkdtempSync(join(tmpdir(), "github-double-index-"));
  const env = { ...IDENTITY, GIT_INDEX_FILE: join(scratch, "index") };
  try {
    await git.text(["read-tree", parent], { env });
    if (input.content === undefined) {
      await git.text(["rm", "-q", "--cached", "--", input.path], { env });
    } else {
      const blob = await git.text(["hash-object", "-w", "--stdin"], {
        input: input.content,
      });
      await git.text(
        [
          "update-index",
          "--add",
          "--cacheinfo",
          `100644,${blob},${input.path}`,
        ],
        { env },
      );
    }
    const tree = await git.text(["write-tree"], { env });
    const sha = await git.text(
      ["commit-tree", tree, "-p", parent, "-m", input.message],
      { env },
    );
    setRef(git, ref, sha);
    return sha;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The tree of merging two commits, or "" when they conflict. */
function mergedTree(git: Git, ours: string, theirs: string): string {
  const args = ["merge-tree", "--write-tree", "--no-messages", ours, theirs];
  try {
    return git.sync(args);
  } catch {
    return "";
  }
}

/**
 * Merges `head` into branch `base` with a merge commit, as GitHub's merge
 * button does. Returns the merge commit's sha.
 * @throws when the branches conflict.
 */
export function mergeCommit(
  git: Git,
  input: { base: string; head: string; message: string },
): string {
  const ref = `refs/heads/${input.base}`;
  const parent = git.sync(["rev-parse", "--verify", ref]);
  const tree = mergedTree(git, parent, input.head);
  if (!/^[0-9a-f]{40}$/.test(tree)) {
    throw new Error(
      `Cannot merge ${input.head} into ${input.base}: the branches conflict. ` +
        "Resolve the conflict in the test repository first.",
    );
  }
  const sha = git.sync(
    ["commit-tree", tree, "-p", parent, "-p", input.head, "-m", input.message],
    { env: IDENTITY },
  );
  setRef(git, ref, sha);
  return sha;
}
