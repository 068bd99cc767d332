/**
 * Resolves the global `--repo` and `--ref` options into a snapshot of the
 * repository and disposes of it when the command is done.
 */
import type { Command } from "commander";
import { resolve } from "node:path";
import { takeSnapshot, type Snapshot } from "../repo/snapshot.js";
import { rootLogger } from "../log.js";

export interface CommandSnapshot extends Snapshot {
  /** The repository folder itself, for paths given on the command line. */
  repoDir: string;
  /** True when files are read from the working tree, not from a commit. */
  readFromWorkingTree: boolean;
}

interface Globals {
  repo: string;
  ref?: string;
}

export function globalOptions(command: Command): Globals {
  return command.optsWithGlobals<Globals>();
}

/**
 * Runs `work` on a snapshot of `--ref` (default: the checked-out commit).
 * Validation without `--ref` reads the working tree instead, so editors
 * and pre-commit hooks check what is on disk.
 */
export async function withSnapshot<T>(
  command: Command,
  work: (snapshot: CommandSnapshot) => Promise<T>,
  options: { workingTreeByDefault: boolean } = { workingTreeByDefault: true },
): Promise<T> {
  const globals = globalOptions(command);
  const repoDir = resolve(globals.repo);
  const fromTree = !globals.ref && options.workingTreeByDefault;
  const snapshot = fromTree
    ? await workingTree(repoDir)
    : await takeSnapshot(repoDir, globals.ref);
  if (snapshot.uncommitted.length > 0) {
    rootLogger.warn(
      { files: snapshot.uncommitted },
      "uncommitted changes are not used; commit them or pass --ref",
    );
  }
  try {
    return await work({ ...snapshot, repoDir, readFromWorkingTree: fromTree });
  } finally {
    await snapshot.dispose();
  }
}

async function workingTree(dir: string): Promise<Snapshot> {
  return {
    dir,
    commit: "working-tree",
    uncommitted: [],
    dispose: async () => {},
  };
}
