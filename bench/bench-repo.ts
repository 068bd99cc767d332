/**
 * A throwaway environments repository for the bench, made like the tests'
 * one: the fixture's small `web` template, plus `idle`, the same template
 * with `deploy.replicas: 0`. Each section writes its manifests, commits
 * them, and plans a snapshot of that commit, as `berth` does.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { takeSnapshot, type Snapshot } from "../app/repo/snapshot.js";
import { manifestYaml, type ManifestInput } from "./manifest-yaml.js";

const FIXTURE = fileURLToPath(
  new URL("../test/fixtures/repo/templates", import.meta.url),
);
const run = promisify(execFile);

export interface BenchRepo {
  dir: string;
  /** Replaces all manifests with `inputs`, commits, takes a snapshot. */
  commit(inputs: readonly ManifestInput[]): Promise<Snapshot>;
  dispose(): Promise<void>;
}

export async function createBenchRepo(): Promise<BenchRepo> {
  const dir = await mkdtemp(join(tmpdir(), "berth-bench-repo-"));
  const git = (...args: string[]) => run("git", args, { cwd: dir });
  await cp(FIXTURE, join(dir, "templates"), { recursive: true });
  await writeIdleTemplate(dir);
  await git("init", "-q", "-b", "main");
  await git("config", "user.email", "bench@example.com");
  await git("config", "user.name", "Berth bench");

  return {
    dir,
    async commit(inputs) {
      await rm(join(dir, "environments"), { recursive: true, force: true });
      await writeManifests(dir, inputs);
      await git("add", "-A");
      await git("commit", "-q", "--allow-empty", "-m", "bench manifests");
      return takeSnapshot(dir);
    },
    async dispose() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function writeManifests(dir: string, inputs: readonly ManifestInput[]) {
  const folder = join(dir, "environments");
  await mkdir(folder, { recursive: true });
  await Promise.all(
    inputs.map((input) =>
      writeFile(join(folder, `${input.name}.yaml`), manifestYaml(input)),
    ),
  );
}

/** `idle`: the `web` template, whose service is created with no task. */
async function writeIdleTemplate(dir: string): Promise<void> {
  const idle = join(dir, "templates", "idle");
  await cp(join(dir, "templates", "web"), idle, { recursive: true });
  const file = join(idle, "compose.yaml");
  const text = await readFile(file, "utf8");
  const marker = "    deploy:\n";
  if (!text.includes(marker)) {
    throw new Error(`${file} has no deploy: section to add replicas to`);
  }
  await writeFile(file, text.replace(marker, `${marker}      replicas: 0\n`));
}
