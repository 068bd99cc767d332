/**
 * The main job on a real Swarm, through the real `berth` command: create,
 * re-apply without change, roll on a real change, relabel without restart,
 * rename, and destroy, keeping or purging data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import {
  docker,
  removeEnvironments,
  requireDocker,
} from "../../support/docker.js";
import { createTestRepo, type TestRepo } from "../../support/git-repo.js";
import { runBerth } from "../../support/run-berth.js";
import { fetchText } from "../../support/http.js";

const FIXTURE = fileURLToPath(new URL("../../fixtures/repo", import.meta.url));
const ENV = "t-eng-alpha";
const RENAMED = "t-eng-beta";
const MANIFEST = `environments/${ENV}.yaml`;

let repo: TestRepo;

function runningTasks(service: string): string[] {
  return docker(
    "service",
    "ps",
    "-q",
    "--filter",
    "desired-state=running",
    service,
  )
    .split("\n")
    .filter(Boolean)
    .sort();
}

function serviceVersion(service: string): string {
  return docker("service", "inspect", "-f", "{{.Version.Index}}", service);
}

async function statusOf(name: string) {
  const run = await runBerth(["status", "--json", name]);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout)[0];
}

async function apply(...args: string[]) {
  const run = await runBerth(["--repo", repo.dir, "apply", ...args]);
  expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
  return run;
}

beforeAll(() => {
  requireDocker();
  removeEnvironments(ENV, RENAMED);
  repo = createTestRepo(FIXTURE);
  repo.commit("first environment");
});

afterAll(() => {
  removeEnvironments(ENV, RENAMED);
  repo?.dispose();
});

describe("an environment's life on a real Swarm", () => {
  it("creates the environment, and its URL answers", async () => {
    const run = await apply();
    expect(run.stdout).toContain(`${ENV}: created`);

    const status = await statusOf(ENV);
    expect(status.state).toBe("healthy");
    expect(await fetchText(status.access[0].url)).toContain("hello-alpha");
    expect(docker("stack", "ps", ENV, "-q")).not.toBe("");
  });

  it("re-applies the same commit without touching anything", async () => {
    const tasks = runningTasks(`${ENV}_web`);
    const version = serviceVersion(`${ENV}_web`);

    const plan = await runBerth(["--repo", repo.dir, "plan"]);
    expect(plan.code, plan.stdout).toBe(0);
    const json = await runBerth([
      "--repo",
      repo.dir,
      "plan",
      "--format",
      "json",
    ]);
    const [planned] = JSON.parse(json.stdout).environments;
    expect(
      planned.actions.every((a: { type: string }) => a.type === "unchanged"),
    ).toBe(true);
    expect(json.stdout).not.toContain(
      Buffer.from(repo.read("templates/web/web.conf")).toString("base64"),
    );
    const run = await apply();

    expect(run.stdout).toContain(`${ENV}: unchanged`);
    expect(serviceVersion(`${ENV}_web`)).toBe(version);
    expect(runningTasks(`${ENV}_web`)).toEqual(tasks);
  });

  it("rolls the tasks when an environment variable changes", async () => {
    const tasks = runningTasks(`${ENV}_web`);
    const text = repo.read(MANIFEST).replace("debug", "info");
    repo.write(MANIFEST, text);
    repo.commit("quieter logs");

    const plan = await runBerth(["--repo", repo.dir, "plan"]);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain("LOG_LEVEL");
    await apply();

    expect(runningTasks(`${ENV}_web`)).not.toEqual(tasks);
    const env = docker(
      "service",
      "inspect",
      "-f",
      "{{json .Spec.TaskTemplate.ContainerSpec.Env}}",
      `${ENV}_web`,
    );
    expect(env).toContain("LOG_LEVEL=info");
  });

  it("changes labels only without restarting a task", async () => {
    const tasks = runningTasks(`${ENV}_web`);
    repo.write(MANIFEST, repo.read(MANIFEST).replace("payments", "search"));
    repo.commit("move to the search team");

    await apply();

    expect(runningTasks(`${ENV}_web`)).toEqual(tasks);
  });

  it("rolls when the template's image or config content changes", async () => {
    const tasks = runningTasks(`${ENV}_web`);
    const before = docker(
      "config",
      "ls",
      "-q",
      "--filter",
      `label=dev.berth.environment=${ENV}`,
    );
    repo.write("templates/web/image/marker", "v2\n");
    repo.write("templates/web/web.conf", "config v2\n");
    repo.commit("new image and config");

    await apply();

    expect(runningTasks(`${ENV}_web`)).not.toEqual(tasks);
    const status = await statusOf(ENV);
    expect(await fetchText(status.access[0].url)).toContain("config v2");
    const after = docker(
      "config",
      "ls",
      "-q",
      "--filter",
      `label=dev.berth.environment=${ENV}`,
    );
    expect(after.split("\n")).toHaveLength(1);
    expect(after).not.toBe(before);
  });

  it("renames: the new environment is healthy before the old one goes", async () => {
    const since = Math.floor(Date.now() / 1000);
    const text = repo.read(MANIFEST).replaceAll(ENV, RENAMED);
    repo.remove(MANIFEST);
    repo.write(`environments/${RENAMED}.yaml`, text);
    repo.commit("rename");

    await apply("--prune");

    const events = docker(
      "events",
      "--since",
      String(since),
      "--until",
      String((Date.now() / 1000) | 0),
      "--filter",
      "type=container",
      "--filter",
      "event=health_status: healthy",
      "--filter",
      "event=destroy",
      "--format",
      "{{.Action}} {{.Actor.Attributes.name}}",
    ).split("\n");
    const healthy = events.findIndex((e) => e.includes(`${RENAMED}_web`));
    const gone = events.findIndex(
      (e) => e.startsWith("destroy") && e.includes(`${ENV}_web`),
    );
    expect(healthy).toBeGreaterThanOrEqual(0);
    expect(gone).toBeGreaterThan(healthy);
    expect((await statusOf(RENAMED)).state).toBe("healthy");
    expect(await statusOf(ENV)).toBeUndefined();
  });

  it("destroys, keeping the volume unless data is purged", async () => {
    const kept = await runBerth(["destroy", RENAMED]);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain(`kept volume ${RENAMED}_data`);
    expect(
      docker("volume", "ls", "-q", "--filter", `name=${RENAMED}_data`),
    ).toBe(`${RENAMED}_data`);

    const purged = await runBerth(["destroy", RENAMED, "--purge-data"]);
    expect(purged.code).toBe(0);
    expect(
      docker("volume", "ls", "-q", "--filter", `name=${RENAMED}_data`),
    ).toBe("");
  });
});
