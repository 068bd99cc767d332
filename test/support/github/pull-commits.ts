/**
 * The commits a pull request compares, live while it is open and fixed
 * once it is closed.
 */
import type { DoubleContext } from "./context.js";
import type { PullState } from "./state.js";

/** The sha at the tip of `branch` in the served repository. */
export function branchSha(ctx: DoubleContext, branch: string): string {
  try {
    return ctx.git.sync([
      "rev-parse",
      "--verify",
      `refs/heads/${branch}^{commit}`,
    ]);
  } catch {
    throw new Error(
      `Branch ${branch} does not exist in ${ctx.git.dir}. ` +
        "Create and commit it in the test repository first.",
    );
  }
}

/** Head and base commit of a pull request. */
export function pullShas(ctx: DoubleContext, pr: PullState) {
  if (pr.frozen) return pr.frozen;
  return { head: branchSha(ctx, pr.head), base: branchSha(ctx, pr.base) };
}

/** The merge base that a pull request's diff starts from. */
export function pullDiffBase(ctx: DoubleContext, pr: PullState): string {
  const { head, base } = pullShas(ctx, pr);
  return ctx.git.sync(["merge-base", base, head]);
}

/** Commit and line counts of a pull request. */
export function pullCounts(ctx: DoubleContext, pr: PullState) {
  const { head } = pullShas(ctx, pr);
  const from = pullDiffBase(ctx, pr);
  const commits = Number(
    ctx.git.sync(["rev-list", "--count", `${from}..${head}`]),
  );
  const stat = ctx.git.sync(["diff", "--shortstat", from, head]);
  const count = (word: RegExp) => Number(word.exec(stat)?.[1] ?? 0);
  return {
    commits,
    changed_files: count(/(\d+) files? changed/),
    additions: count(/(\d+) insertions?/),
    deletions: count(/(\d+) deletions?/),
  };
}
