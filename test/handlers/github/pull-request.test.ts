/**
 * Pull request events, in Probot's documented style: real payloads from
 * `@octokit/webhooks-examples`, Probot with retries and throttling off,
 * and GitHub's API answered by an injected fetch.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { Probot, ProbotOctokit } from "probot";
import { createBerthApp } from "../../../app/github/berth-app.js";
import { createServices } from "../../../app/github/services.js";
import type { BerthServices } from "../../../app/github/job.js";
import type { SwarmClient } from "../../../app/swarm/swarm-client.js";
import { rootLogger } from "../../../app/log.js";
import { example } from "./examples.js";
import { FakeGitHub } from "./fake-github.js";

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

let probot: Probot;
let github: FakeGitHub;
let services: BerthServices;
let stateDir: string;

function prPayload(action: string) {
  const payload = example("pull_request", action);
  payload.installation = { id: 2, node_id: "x" };
  return payload;
}

async function receive(id: string, payload: Record<string, unknown>) {
  await probot.receive({ id, name: "pull_request", payload } as never);
  await services.queue.idle();
}

beforeEach(async () => {
  stateDir = mkdtempSync(join(tmpdir(), "berth-handler-"));
  process.env.BERTH_STATE_DIR = stateDir;
  services = await createServices(rootLogger, {} as SwarmClient);
  github = new FakeGitHub();
  github.on(
    "POST",
    "/app/installations/2/access_tokens",
    () => ({
      status: 201,
      body: {
        token: "test",
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        permissions: {},
      },
    }),
    1,
  );
  probot = new Probot({
    appId: 123,
    privateKey,
    log: rootLogger.child({ test: "handlers" }),
    request: { fetch: github.fetch },
    Octokit: ProbotOctokit.defaults({
      retry: { enabled: false },
      throttle: { enabled: false },
    }),
  });
  await probot.load(createBerthApp(services));
});

afterEach(() => {
  expect(github.unmatched).toEqual([]);
  expect(github.pending()).toEqual([]);
  rmSync(stateDir, { recursive: true, force: true });
});

describe("pull request events", () => {
  it("does nothing when no environment is touched", async () => {
    const payload = prPayload("opened");
    payload.pull_request.draft = false;
    const repo = `/repos/${payload.repository.full_name}`;
    const pull = `${repo}/pulls/${payload.number}`;
    github
      .on("GET", pull, () => ({ status: 200, body: payload.pull_request }))
      .on("GET", `${pull}/files`, () => ({
        status: 200,
        body: [{ filename: "README.md", status: "modified" }],
      }));

    await receive("opened-1", payload);
  });

  it("says closed, nothing applied, and frees the locks", async () => {
    const payload = prPayload("closed");
    payload.pull_request.merged = false;
    const holder = {
      repository: payload.repository.full_name,
      pullRequest: payload.number,
    };
    await services.locks.acquire(holder, ["pay-alice"]);
    const repo = `/repos/${payload.repository.full_name}`;
    let edited = "";
    github
      .on("GET", `${repo}/issues/${payload.number}/comments`, () => ({
        status: 200,
        body: [
          { id: 8, body: "<!-- berth -->", user: { type: "User" } },
          { id: 9, body: "<!-- berth -->\nplan", user: { type: "Bot" } },
        ],
      }))
      .on("PATCH", `${repo}/issues/comments/9`, (body) => {
        edited = (body as { body: string }).body;
        return { status: 200, body: { id: 9 } };
      });

    await receive("closed-1", payload);

    expect(edited).toContain("closed, nothing applied");
    expect(edited).toContain("`pay-alice`");
    expect(services.locks.holder("pay-alice")).toBeUndefined();
  });

  it("ignores a payload that lacks what Berth needs", async () => {
    const payload = prPayload("opened");
    payload.pull_request.head.sha = "not-a-sha";
    github.routes.length = 0;
    await receive("broken-1", payload);
  });
});
