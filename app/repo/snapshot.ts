/**
 * A snapshot of an environments repository at one commit: a folder holding
 * exactly that commit's `environments/` and `templates/`, so that what Berth
 * plans and builds is what git says, never uncommitted edits.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawn } from "node:child_process";
import { simpleGit } from "simple-git";

export interface Snapshot {
  /** Folder to read `environments/` and `templates/` from. */
  dir: string;
  /** Full commit id, or `working-tree` when the folder is not a repo. */
  commit: string;
  /** Paths under environments/ or templates/ changed but not committed. */
  uncommitted: string[];
  dispose(): Promise<void>;
}

export class RepositoryError extends Error {
  override name = "RepositoryError";
}

const TRACKED = ["environments", "templates"];

/**
 * Resolves `ref` (default: the checked-out commit) in the repository at
 * `repoDir` and extracts its environments and templates to a fresh folder.
 * A folder that is not a git repository is read as it is.
 */
export async function takeSnapshot(
  repoDir: string,
  ref?: string,
): Promise<Snapshot> {
  const dir = resolve(repoDir);
  if (!existsSync(dir)) {
    throw new RepositoryError(`repository folder ${dir} does not exist`);
  }
  const git = simpleGit(dir);
  const isRepo = await git.checkIsRepo().catch(() => false);
  if (!isRepo) {
    if (ref) {
      throw new RepositoryError(
        `--ref ${ref} given, but ${dir} is not a git repository`,
      );
    }
    return { dir, commit: "working-tree", uncommitted: [], dispose: noop };
  }

  const commit = await resolveCommit(git, ref ?? "HEAD");
  const status = await git.status(TRACKED);
  const uncommitted = status.files.map((file) => file.path);
  const target = await mkdtemp(join(tmpdir(), "berth-snapshot-"));
  await extractTree(dir, commit, target);
  return {
    dir: target,
    commit,
    uncommitted: ref ? [] : uncommitted,
    dispose: () => rm(target, { recursive: true, force: true }),
  };
}

async function resolveCommit(
  git: ReturnType<typeof simpleGit>,
  ref: string,
): Promise<string> {
  try {
    return (await git.revparse(["--verify", `${ref}^{commit}`])).trim();
  } catch {
    throw new RepositoryError(
      `ref ${ref} is not a commit of this repository; ` +
        "give a branch, tag or commit id that `git log` shows",
    );
  }
}

/** `git archive COMMIT environments templates | tar -x -C target`. */
async function extractTree(
  repoDir: string,
  commit: string,
  target: string,
): Promise<void> {
  const git = simpleGit(repoDir);
  const present = await git.raw(["ls-tree", "--name-only", commit]);
  const paths = present.split("\n").filter((p) => TRACKED.includes(p));
  if (paths.length === 0) return;

  await new Promise<void>((done, fail) => {
    const archive = spawn("git", ["archive", commit, ...paths], {
      cwd: repoDir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const untar = spawn("tar", ["-x", "-C", target], {
      stdio: ["pipe", "ignore", "pipe"],
    });
    archive.stdout.pipe(untar.stdin);
    let errors = "";
    archive.stderr.on("data", (chunk) => (errors += chunk));
    untar.stderr.on("data", (chunk) => (errors += chunk));
    untar.on("close", (code) =>
      code === 0
        ? done()
        : fail(new RepositoryError(`could not extract ${commit}: ${errors}`)),
    );
  });
}

async function noop(): Promise<void> {}
