/**
 * The local GitOps mode on a real Swarm: `berth watch` follows a branch,
 * applies each new commit, and destroys an environment whose manifest is
 * removed while keeping its volume.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import {
  docker,
  removeEnvironments,
  requireDocker,
} from "../../support/docker.js";
import { createTestRepo, type TestRepo } from "../../support/git-repo.js";
import { startBerth } from "../../support/run-berth.js";
import { fetchText } from "../../support/http.js";

const FIXTURE = fileURLToPath(new URL("../../fixtures/repo", import.meta.url));
const ENV = "t-watch-alpha";
const MANIFEST = `environments/${ENV}.yaml`;
const SERVICE = `${ENV}_web`;

let repo: TestRepo;
let watcher: ReturnType<typeof startBerth> | undefined;

/** Polls `probe` until it returns true; fails with the watcher's log. */
async function eventually(what: string, probe: () => boolean) {
  const end = Date.now() + 60_000;
  while (Date.now() < end) {
    if (probe()) return;
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`${what} did not happen within 60 s:\n${watcher?.output()}`);
}

function serviceEnv(): string {
  const found = docker("service", "ls", "-q", "--filter", `name=${SERVICE}`);
  if (!found) return "";
  return docker(
    "service",
    "inspect",
    "-f",
    "{{json .Spec.TaskTemplate.ContainerSpec.Env}}",
    SERVICE,
  );
}

function runningTasks(): number {
  const ids = docker(
    "service",
    "ps",
    "-q",
    "--filter",
    "desired-state=running",
    SERVICE,
  );
  return ids.split("\n").filter(Boolean).length;
}

beforeAll(() => {
  requireDocker();
  removeEnvironments(ENV);
  repo = createTestRepo(FIXTURE);
  const text = repo.read("environments/t-eng-alpha.yaml");
  repo.remove("environments/t-eng-alpha.yaml");
  repo.write(MANIFEST, text.replaceAll("t-eng-alpha", ENV));
  repo.commit("an environment to watch");
});

afterAll(async () => {
  await watcher?.stop();
  removeEnvironments(ENV);
  docker("volume", "ls", "-q", "--filter", `name=${ENV}_`)
    .split("\n")
    .filter(Boolean)
    .forEach((volume) => docker("volume", "rm", volume));
  repo?.dispose();
});

describe("berth watch", () => {
  it("applies the branch's commit when it starts", async () => {
    watcher = startBerth([
      "--repo",
      repo.dir,
      "watch",
      "--branch",
      "main",
      "--interval",
      "1",
    ]);

    await eventually("the first apply", () =>
      serviceEnv().includes("LOG_LEVEL=debug"),
    );
    await eventually("a running task", () => runningTasks() === 1);
  });

  it("applies each new commit of the branch", async () => {
    repo.write(MANIFEST, repo.read(MANIFEST).replace("debug", "warn"));
    repo.commit("quieter");

    await eventually("the second apply", () =>
      serviceEnv().includes("LOG_LEVEL=warn"),
    );
    const ports = docker(
      "service",
      "inspect",
      "-f",
      "{{range .Spec.EndpointSpec.Ports}}{{.PublishedPort}}{{end}}",
      SERVICE,
    );
    expect(await fetchText(`http://127.0.0.1:${ports}/`)).toContain(
      "hello-alpha",
    );
  });

  it("keeps an environment whose manifest is emptied", async () => {
    repo.write(MANIFEST, "");
    repo.commit("an empty manifest is no manifest removal");

    await eventually("the refusal to prune", () =>
      (watcher?.output() ?? "").includes(`not pruning ${ENV}`),
    );
    expect(serviceEnv()).toContain("LOG_LEVEL=warn");
    expect(runningTasks()).toBe(1);
  });

  it("destroys an environment whose manifest is removed, keeping data", async () => {
    repo.remove(MANIFEST);
    repo.commit("no longer needed");

    await eventually("the destroy", () => serviceEnv() === "");
    await eventually(
      "the removal of the network",
      () => !docker("network", "ls", "-q", "--filter", `name=${ENV}_default`),
    );
    expect(docker("volume", "ls", "-q", "--filter", `name=${ENV}_data`)).toBe(
      `${ENV}_data`,
    );
  });

  it("stops cleanly on SIGTERM", async () => {
    const code = await watcher?.stop();
    watcher = undefined;

    expect(code).toBe(0);
  });
});
