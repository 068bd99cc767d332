/**
 * A throwaway environments repository for tests: starts from a fixture
 * folder, then tests write files and commit, as developers would.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { tmpdir } from "node:os";
import { execFileSync } from "node:child_process";

export interface TestRepo {
  dir: string;
  read(path: string): string;
  write(path: string, text: string): void;
  remove(path: string): void;
  /** Commits everything and returns the commit id. */
  commit(message: string): string;
  dispose(): void;
}

export function createTestRepo(fixture: string): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), "berth-repo-"));
  cpSync(fixture, dir, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: dir, encoding: "utf8" }).trim();
  git("init", "-q", "-b", "main");
  git("config", "user.email", "test@example.com");
  git("config", "user.name", "Berth tests");
  return {
    dir,
    read(path) {
      return readFileSync(join(dir, path), "utf8");
    },
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    remove(path) {
      rmSync(join(dir, path), { recursive: true, force: true });
    },
    commit(message) {
      git("add", "-A");
      git("commit", "-q", "--allow-empty", "-m", message);
      return git("rev-parse", "HEAD");
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
