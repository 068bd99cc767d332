/**
 * How the main job fails: early and clearly, and without leaving a broken
 * mix behind. Each case runs the real `berth` against the real Swarm.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import {
  docker,
  removeEnvironments,
  removeService,
  requireDocker,
} from "../../support/docker.js";
import { createTestRepo, type TestRepo } from "../../support/git-repo.js";
import { runBerth } from "../../support/run-berth.js";
import { fetchText } from "../../support/http.js";

const FIXTURE = fileURLToPath(new URL("../../fixtures/repo", import.meta.url));
const ENV = "t-eng-alpha";
const MANIFEST = `environments/${ENV}.yaml`;
const HUGE = "t-eng-huge";
const NOWHERE = "t-eng-nowhere";
const PENDING = "t-eng-pending";
const HOG = "t-eng-cpu-hog";

let repo: TestRepo;

beforeAll(() => {
  requireDocker();
  removeEnvironments(ENV, HUGE, NOWHERE, PENDING);
  repo = createTestRepo(FIXTURE);
  repo.commit("first environment");
});

afterAll(() => {
  removeEnvironments(ENV, HUGE, NOWHERE, PENDING);
  repo?.dispose();
});

function manifestNamed(name: string, edit = (t: string) => t): string {
  return edit(repo.read(MANIFEST).replaceAll(ENV, name));
}

describe("failures", () => {
  it("refuses an impossible reservation at plan time", async () => {
    repo.write(
      `environments/${HUGE}.yaml`,
      manifestNamed(HUGE, (t) => t.replace("memory: 64Mi", "memory: 512Gi")),
    );
    repo.commit("a huge environment");

    const plan = await runBerth(["--repo", repo.dir, "plan", HUGE]);

    expect(plan.code).toBe(1);
    expect(plan.stdout).toMatch(/largest node/);
    expect(plan.stdout).toContain(`environments/${HUGE}.yaml`);
    const apply = await runBerth(["--repo", repo.dir, "apply", HUGE]);
    expect(apply.code).toBe(1);
    expect(docker("service", "ls", "-q", "--filter", `name=${HUGE}_`)).toBe("");
    repo.remove(`environments/${HUGE}.yaml`);
    repo.commit("drop the huge environment");
  });

  it("refuses a placement that no node satisfies, and creates nothing", async () => {
    repo.write(
      "templates/pinned/template.yaml",
      repo.read("templates/web/template.yaml"),
    );
    repo.write(
      "templates/pinned/compose.yaml",
      repo
        .read("templates/web/compose.yaml")
        .replace(
          "    deploy:\n",
          "    deploy:\n      placement:\n" +
            "        constraints: [node.labels.berth-test-gpu == true]\n",
        ),
    );
    repo.write("templates/pinned/web.conf", "pinned\n");
    repo.write(
      "templates/pinned/image/Dockerfile",
      repo.read("templates/web/image/Dockerfile"),
    );
    repo.write("templates/pinned/image/marker", "pinned\n");
    repo.write(
      `environments/${NOWHERE}.yaml`,
      manifestNamed(NOWHERE, (t) =>
        t.replace("template: web", "template: pinned"),
      ),
    );
    repo.commit("an environment no node can run");

    const started = Date.now();
    const run = await runBerth(["--repo", repo.dir, "apply", NOWHERE]);

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/no ready node satisfies the placement/);
    expect(run.stdout).toContain("node.labels.berth-test-gpu == true");
    expect(Date.now() - started).toBeLessThan(90_000);
    const left = docker(
      "service",
      "ls",
      "-q",
      "--filter",
      `label=dev.berth.environment=${NOWHERE}`,
    );
    expect(left).toBe("");
    expect(
      docker(
        "network",
        "ls",
        "-q",
        "--filter",
        `label=dev.berth.environment=${NOWHERE}`,
      ),
    ).toBe("");
  });

  it("fails fast on a task left pending, with Docker's reason", async () => {
    // A service outside Berth reserves nearly every CPU left on the node,
    // so the new environment's task fits no node although the plan, which
    // compares with the node's size, is sound.
    removeService(HOG);
    const cpus =
      Number(docker("info", "--format", "{{.NCPU}}")) - reservedCpus();
    docker(
      "service",
      "create",
      "--detach",
      "--name",
      HOG,
      "--reserve-cpu",
      (cpus - 0.05).toFixed(2),
      "berth/busybox:latest",
      "sleep",
      "3600",
    );
    try {
      repo.write(`environments/${PENDING}.yaml`, manifestNamed(PENDING));
      repo.commit("an environment that finds no room");

      const started = Date.now();
      const run = await runBerth(["--repo", repo.dir, "apply", PENDING]);

      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(run.stdout).toMatch(/no suitable node/);
      expect(run.stdout).toMatch(/insufficient resources/);
      expect(Date.now() - started).toBeLessThan(90_000);
      for (const kind of ["service", "network", "config"]) {
        const left = docker(
          kind,
          "ls",
          "-q",
          "--filter",
          `label=dev.berth.environment=${PENDING}`,
        );
        expect(left, `${kind}s left behind`).toBe("");
      }
    } finally {
      removeService(HOG);
      repo.remove(`environments/${PENDING}.yaml`);
      repo.commit("drop the environment that found no room");
    }
  });

  it("keeps the previous version serving when a build fails", async () => {
    const first = await runBerth(["--repo", repo.dir, "apply", ENV]);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const url = JSON.parse(
      (await runBerth(["status", "--json", ENV])).stdout,
    )[0].access[0].url;

    repo.write(
      "templates/web/image/Dockerfile",
      "FROM berth/busybox:latest\nRUN echo broken-step && false\n",
    );
    repo.commit("a broken image");
    const run = await runBerth(["--repo", repo.dir, "apply", ENV]);

    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/echo broken-step && false/);
    expect(await fetchText(url)).toContain("hello-alpha");
  });

  it("ends two applies 200 ms apart with the later spec", async () => {
    repo.write(
      "templates/web/image/Dockerfile",
      "FROM berth/busybox:latest\nCOPY marker /marker\n",
    );
    repo.write(
      MANIFEST,
      repo.read(MANIFEST).replace(/LOG_LEVEL: \w+/, "LOG_LEVEL: one"),
    );
    const one = repo.commit("one");
    repo.write(
      MANIFEST,
      repo.read(MANIFEST).replace("LOG_LEVEL: one", "LOG_LEVEL: two"),
    );
    const two = repo.commit("two");

    const first = runBerth(["--repo", repo.dir, "--ref", one, "apply", ENV]);
    await new Promise((done) => setTimeout(done, 200));
    const second = runBerth(["--repo", repo.dir, "--ref", two, "apply", ENV]);
    const results = await Promise.all([first, second]);

    for (const run of results)
      expect(run.code, run.stdout + run.stderr).toBe(0);
    const env = docker(
      "service",
      "inspect",
      "-f",
      "{{json .Spec.TaskTemplate.ContainerSpec.Env}}",
      `${ENV}_web`,
    );
    expect(env).toContain("LOG_LEVEL=two");
  });

  it("explains a Docker Engine that does not answer", async () => {
    const run = await runBerth(["status"], {
      env: { DOCKER_HOST: "unix:///tmp/berth-no-such-docker.sock" },
    });

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Docker/);
    expect(run.stderr).toMatch(/ensure-docker/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

/** CPUs that the replicas of every service on this one-node swarm reserve. */
function reservedCpus(): number {
  const ids = docker("service", "ls", "-q").split("\n").filter(Boolean);
  if (ids.length === 0) return 0;
  const format =
    "{{.Spec.TaskTemplate.Resources.Reservations.NanoCPUs}} " +
    "{{if .Spec.Mode.Replicated}}{{.Spec.Mode.Replicated.Replicas}}" +
    "{{else}}1{{end}}";
  return (
    docker("service", "inspect", "--format", format, ...ids)
      .split("\n")
      .map((line) => line.split(" ").map(Number))
      .reduce(
        (sum, [nanos, replicas]) => sum + (nanos || 0) * (replicas ?? 1),
        0,
      ) / 1e9
  );
}
