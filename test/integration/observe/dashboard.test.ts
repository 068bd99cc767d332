/**
 * Metrics, dashboard and audit trail on a real Swarm, through the real
 * `berth` command: after an apply, `/metrics` counts it and reports the
 * environment's state, the page (in headless Chromium) lists the
 * environment with the state and URL the Swarm reports, and `berth
 * history` shows the manifest's commits with the apply.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import {
  docker,
  removeEnvironments,
  requireDocker,
} from "../../support/docker.js";
import { createTestRepo, type TestRepo } from "../../support/git-repo.js";
import { runBerth, startBerth } from "../../support/run-berth.js";
import { metricSample } from "../../support/metric-sample.js";

const FIXTURE = fileURLToPath(new URL("../../fixtures/repo", import.meta.url));
const OUTPUT = fileURLToPath(new URL("../../../test-output", import.meta.url));
const ENV = "ob-dash";
const MANIFEST = `environments/${ENV}.yaml`;
const WHO = "ob-tester";
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

let repo: TestRepo;
let stateDir: string;
let dashboard: ReturnType<typeof startBerth> | undefined;
let base: string;
let browser: Browser | undefined;
const commits: string[] = [];

function berth(args: string[]) {
  return runBerth(["--repo", repo.dir, ...args], {
    env: { BERTH_STATE_DIR: stateDir, USER: WHO },
  });
}

function git(...args: string[]): void {
  execFileSync("git", args, { cwd: repo.dir });
}

async function startDashboard(): Promise<string> {
  dashboard = startBerth(["--repo", repo.dir, "dashboard", "--port", "0"], {
    BERTH_STATE_DIR: stateDir,
  });
  const end = Date.now() + 20_000;
  while (Date.now() < end) {
    const output = dashboard.output();
    const found = /dashboard: (http:\/\/\S+)\/dashboard/.exec(output);
    if (found) return found[1]!;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`berth dashboard did not start:\n${dashboard.output()}`);
}

/** What `berth status` reads from the live Swarm for the environment. */
async function liveStatus() {
  const run = await berth(["status", "--json", ENV]);
  const [status] = JSON.parse(run.stdout);
  if (!status) throw new Error(`${ENV} does not run:\n${run.stderr}`);
  return status as { state: string; access: { url: string }[] };
}

beforeAll(async () => {
  requireDocker();
  removeEnvironments(ENV);
  stateDir = mkdtempSync(join(tmpdir(), "berth-ob-state-"));
  repo = createTestRepo(FIXTURE);
  const text = repo
    .read("environments/t-eng-alpha.yaml")
    .replaceAll("t-eng-alpha", ENV)
    .replace('owners: ["alice"]', 'owners: ["alice", "acme/observers"]')
    // The shared test node is nearly full; this environment needs little.
    .replace("cpus: 0.1", "cpus: 0.01");
  repo.remove("environments/t-eng-alpha.yaml");
  repo.write(MANIFEST, text);
  commits.push(repo.commit(`Add ${ENV}`));
  repo.write(MANIFEST, repo.read(MANIFEST).replace("debug", "info"));
  commits.push(repo.commit(`Quieter logs for ${ENV}`));
  git("remote", "add", "origin", "git@github.com:acme/ob-envs.git");

  const applied = await berth(["apply", ENV]);
  expect(applied.code, `${applied.stdout}\n${applied.stderr}`).toBe(0);
  base = await startDashboard();
});

afterAll(async () => {
  await browser?.close();
  await dashboard?.stop();
  removeEnvironments(ENV);
  repo?.dispose();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

describe("observing an environment applied on a real Swarm", () => {
  it("counts the apply and reports the environment on /metrics", async () => {
    // The cluster is read while the first scrape is collected, so its
    // Engine requests show from the second scrape on.
    await fetch(`${base}/metrics`);
    const response = await fetch(`${base}/metrics`);
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const count = (name: string, labels?: Record<string, string>) =>
      metricSample(text, name, labels);
    expect(
      count("berth_audit_events_total", { action: "apply", result: "created" }),
    ).toBe(1);
    expect(
      count("berth_environments", {
        state: "healthy",
        template: "web",
        team: "observers",
      }),
    ).toBe(1);
    expect(count("berth_cluster_up")).toBe(1);
    expect(
      count("berth_docker_api_request_duration_seconds_count", {
        method: "GET",
        path: "/services",
        outcome: "ok",
      }),
    ).toBeGreaterThan(0);
  });

  it("lists the environment as the Swarm reports it, in Chromium", async () => {
    const status = await liveStatus();
    const published = docker(
      "service",
      "inspect",
      "-f",
      "{{range .Endpoint.Ports}}{{.PublishedPort}}{{end}}",
      `${ENV}_web`,
    );
    expect(
      docker("service", "ls", "-q", "--filter", `name=${ENV}_web`),
    ).not.toBe("");
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: CHROMIUM_FLAGS,
    });
    const page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
    });
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (err) => problems.push(err.message));

    await page.goto(`${base}/dashboard`);
    const row = page.locator(`tr[data-environment="${ENV}"]`);

    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator(".state").textContent()).toBe(status.state);
    const link = row.locator("td.access a");
    expect(await link.getAttribute("href")).toBe(status.access[0]!.url);
    expect(status.access[0]!.url).toContain(`:${published}/`);
    expect(await row.textContent()).toContain("acme/observers");
    expect(await row.locator("td.mono a").getAttribute("href")).toBe(
      `https://github.com/acme/ob-envs/commit/${commits[1]}`,
    );
    const applies = page.locator("#applies tbody tr").first();
    expect(await applies.textContent()).toMatch(
      new RegExp(`${ENV}\\s*apply\\s*created[\\s\\S]*${WHO}`),
    );
    expect(await page.locator("svg.chart circle").count()).toBeGreaterThan(0);
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({
      path: join(OUTPUT, "dashboard.png"),
      fullPage: true,
    });
    expect(problems).toEqual([]);
  });

  it("serves the same environment in data.json", async () => {
    const status = await liveStatus();
    const response = await fetch(`${base}/dashboard/data.json`);
    const model = await response.json();
    const row = model.environments.find(
      (e: { name: string }) => e.name === ENV,
    );

    expect(row).toMatchObject({
      state: status.state,
      team: "observers",
      commit: { text: commits[1]!.slice(0, 12) },
    });
    expect(JSON.stringify(model)).not.toContain("LOG_LEVEL");
    expect(model.recentApplies[0]).toMatchObject({
      environment: ENV,
      who: WHO,
      via: "cli",
      result: "created",
    });
  });

  it("shows the manifest's commits and the apply in history", async () => {
    const table = await berth(["history", ENV]);
    const json = await berth(["history", ENV, "--json"]);

    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain(`Add ${ENV}`);
    expect(table.stdout).toContain(`Quieter logs for ${ENV}`);
    expect(table.stdout).toMatch(/apply \(cli\)\s+ob-tester\s+\w{12}/);
    const { entries } = JSON.parse(json.stdout);
    expect(entries.map((e: { kind: string }) => e.kind)).toEqual([
      "apply",
      "commit",
      "commit",
    ]);
    expect(entries[0]).toMatchObject({
      who: WHO,
      commit: commits[1],
      summary: "created",
    });
    expect(entries.slice(1).map((e: { commit: string }) => e.commit)).toEqual(
      [...commits].reverse(),
    );
  });
});
