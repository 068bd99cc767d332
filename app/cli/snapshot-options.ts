/**
 * Resolves the global `--repo` and `--ref` options into a snapshot of the
 * repository and disposes of it when the command is done.
 */
import type { Command } from "commander";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  RepositoryError,
  takeSnapshot,
  type Snapshot,
} from "../repo/snapshot.js";
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
  if (!holdsEnvironments(snapshot.dir)) {
    await snapshot.dispose();
    throw new RepositoryError(
      `${repoDir} has neither environments/ nor templates/: run berth ` +
        "in your environments repository, or pass --repo DIR",
    );
  }
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

function holdsEnvironments(dir: string): boolean {
  return ["environments", "templates"].some((name) =>
    existsSync(join(dir, name)),
  );
}

async function workingTree(dir: string): Promise<Snapshot> {
  return {
    dir,
    commit: "working-tree",
    uncommitted: [],
    dispose: async () => {},
  };
}
