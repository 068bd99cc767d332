/**
 * Compares two listings of a tree (path -> blob id) and returns the files
 * that differ: used when GitHub's file list of a pull request is cut off.
 */
import type { ChangedFile } from "./changed-file.js";

/** Files added, modified or removed from `base` to `head`, by path. */
export function diffTrees(
  base: ReadonlyMap<string, string>,
  head: ReadonlyMap<string, string>,
): ChangedFile[] {
  const changed: ChangedFile[] = [];
  for (const [path, blob] of head) {
    const before = base.get(path);
    if (before === undefined) changed.push({ path, status: "added" });
    else if (before !== blob) changed.push({ path, status: "modified" });
  }
  for (const path of base.keys()) {
    if (!head.has(path)) changed.push({ path, status: "removed" });
  }
  return changed.sort((a, b) => a.path.localeCompare(b.path));
}
