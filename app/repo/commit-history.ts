/**
 * The commits of a repository's history up to a given commit. Pruning uses
 * them: an environment without a manifest is destroyed only when it was
 * applied from a commit of this history, so the environments of another
 * repository on the same cluster are never touched.
 */
import { simpleGit } from "simple-git";
import { RepositoryError } from "./snapshot.js";

/** Every commit reachable from `ref` in the repository at `repoDir`. */
export async function commitHistory(
  repoDir: string,
  ref: string,
): Promise<Set<string>> {
  const git = simpleGit(repoDir);
  if (!(await git.checkIsRepo().catch(() => false))) {
    throw new RepositoryError(
      `${repoDir} is not a git repository, so Berth cannot tell which ` +
        "environments it applied from there: run --prune and watch in " +
        "a git repository",
    );
  }
  const listed = await git.raw(["rev-list", ref]);
  return new Set(listed.split("\n").filter(Boolean));
}
