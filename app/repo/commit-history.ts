/**
 * The commits of a repository's history up to a given commit. Pruning uses
 * them: an environment without a manifest is destroyed only when it was
 * applied from a commit of this history, so the environments of another
 * repository on the same cluster are never touched.
 */
import { simpleGit } from "simple-git";

/** Every commit reachable from `ref` in the repository at `repoDir`. */
export async function commitHistory(
  repoDir: string,
  ref: string,
): Promise<Set<string>> {
  const listed = await simpleGit(repoDir).raw(["rev-list", ref]);
  return new Set(listed.split("\n").filter(Boolean));
}
