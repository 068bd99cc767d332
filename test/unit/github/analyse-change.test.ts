/**
 * The analysis of a change through the local implementation of the
 * repository seam: a git repository on disk and an empty cluster.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { createTestRepo, type TestRepo } from "../../support/git-repo.js";
import { LocalRepositorySource } from "../../../app/github/local-source.js";
import { analyseChange } from "../../../app/github/analyse-change.js";
import { compareCommits } from "../../../app/github/changed-files.js";
import type { SwarmClient } from "../../../app/swarm/swarm-client.js";
import { rootLogger } from "../../../app/log.js";

const FIXTURE = fileURLToPath(new URL("../../fixtures/repo", import.meta.url));
const emptyCluster = {
  readLiveState: async () => ({
    services: [],
    networks: [],
    configs: [],
    volumes: [],
    nodes: [],
  }),
  imageExists: async () => false,
  inspectService: async () => undefined,
  listTasks: async () => [],
} as unknown as SwarmClient;

let repo: TestRepo;
let source: LocalRepositorySource;
const commits: Record<string, string> = {};

async function analyse(base: string, head: string) {
  const changed = await compareCommits(source, base, head);
  const analysis = await analyseChange(
    source,
    emptyCluster,
    { base, head, changed },
    rootLogger,
  );
  await analysis.snapshot.dispose();
  return analysis;
}

beforeAll(() => {
  repo = createTestRepo(FIXTURE);
  commits.first = repo.commit("one environment");
  repo.write(
    "environments/t-eng-alpha.yaml",
    "apiVersion: berth.dev/v1\nkind: Environment\nmetadata: [broken\n",
  );
  commits.broken = repo.commit("a broken manifest");
  repo.remove("environments/t-eng-alpha.yaml");
  commits.removed = repo.commit("manifest removed");
  source = new LocalRepositorySource(repo.dir);
});

afterAll(() => repo?.dispose());

describe("analysing a change", () => {
  it("plans a changed environment", async () => {
    const analysis = await analyse(commits.removed, commits.first);
    expect(analysis.affected.changed).toEqual(["t-eng-alpha"]);
    expect(analysis.plan.environments.map((e) => e.environment)).toEqual([
      "t-eng-alpha",
    ]);
  });

  it("never reads a broken manifest as a removed one", async () => {
    const analysis = await analyse(commits.first, commits.broken);
    expect(analysis.affected.removed).toEqual(["t-eng-alpha"]);
    expect(analysis.affected.removalsHeld).toBe(true);
    expect(analysis.plan.environments).toEqual([]);
    const files = analysis.findings.map((f) => f.file);
    expect(files).toContain("environments/t-eng-alpha.yaml");
    expect(analysis.findings.some((f) => f.severity === "error")).toBe(true);
  });

  it("finds a removed manifest", async () => {
    const analysis = await analyse(commits.first, commits.removed);
    expect(analysis.affected.removed).toEqual(["t-eng-alpha"]);
    expect(analysis.affected.removalsHeld).toBe(false);
    expect(analysis.findings).toEqual([]);
  });
});
