/**
 * Comment commands, in Probot's documented style: real payloads from
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

const noSwarm = {
  readLiveState: async () => ({
    services: [],
    networks: [],
    configs: [],
    volumes: [],
  }),
  listTasks: async () => [],
  inspectService: async () => undefined,
} as unknown as SwarmClient;

let probot: Probot;
let github: FakeGitHub;
let services: BerthServices;
let stateDir: string;

function commentPayload(body: string, login = "octocat", type = "User") {
  const payload = example("issue_comment", "created");
  payload.comment.body = body;
  payload.comment.user.login = login;
  payload.comment.user.type = type;
  payload.comment.performed_via_github_app = null;
  payload.issue.pull_request = { url: "https://api.github.com/pulls/1" };
  payload.installation = { id: 2, node_id: "x" };
  return payload;
}

async function receive(id: string, payload: Record<string, unknown>) {
  await probot.receive({ id, name: "issue_comment", payload } as never);
  await services.queue.idle();
}

function token() {
  github.on("POST", "/app/installations/2/access_tokens", () => ({
    status: 201,
    body: {
      token: "test",
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      permissions: { issues: "write" },
    },
  }));
}

beforeEach(async () => {
  stateDir = mkdtempSync(join(tmpdir(), "berth-handler-"));
  process.env.BERTH_STATE_DIR = stateDir;
  services = await createServices(rootLogger, noSwarm);
  github = new FakeGitHub();
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

describe("comment commands", () => {
  it("refuses /berth destroy from a user without write access", async () => {
    const payload = commentPayload("/berth destroy pay-alice", "mallory");
    const repo = `/repos/${payload.repository.full_name}`;
    const id = payload.comment.id;
    const replies: string[] = [];
    const reactions: string[] = [];
    token();
    github
      .on(
        "POST",
        `${repo}/issues/comments/${id}/reactions`,
        (body) => {
          reactions.push((body as { content: string }).content);
          return { status: 201, body: { id: 1 } };
        },
        2,
      )
      .on("GET", `${repo}/contents/.github/berth.yml`, () => ({
        status: 404,
        body: { message: "Not Found" },
      }))
      .on(
        "GET",
        `/repos/${payload.repository.owner.login}/.github/contents/` +
          ".github/berth.yml",
        () => ({
          status: 404,
          body: { message: "Not Found" },
        }),
      )
      .on("GET", `${repo}/collaborators/mallory/permission`, () => ({
        status: 200,
        body: { permission: "read", user: { login: "mallory" } },
      }))
      .on("POST", `${repo}/issues/${payload.issue.number}/comments`, (b) => {
        replies.push((b as { body: string }).body);
        return { status: 201, body: { id: 2 } };
      });

    await receive("delivery-1", payload);

    expect(reactions).toEqual(["eyes", "-1"]);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain("@mallory");
    expect(replies[0]).toContain("may run this command");
  });

  it("answers an unknown command with the help", async () => {
    const payload = commentPayload("/berth deploy everything");
    const repo = `/repos/${payload.repository.full_name}`;
    const reactions: string[] = [];
    let reply = "";
    token();
    github
      .on(
        "POST",
        `${repo}/issues/comments/${payload.comment.id}/reactions`,
        (body) => {
          reactions.push((body as { content: string }).content);
          return { status: 201, body: { id: 1 } };
        },
        2,
      )
      .on("POST", `${repo}/issues/${payload.issue.number}/comments`, (b) => {
        reply = (b as { body: string }).body;
        return { status: 201, body: { id: 2 } };
      });

    await receive("delivery-2", payload);

    expect(reactions).toEqual(["eyes", "confused"]);
    expect(reply).toContain("`/berth deploy` is not a Berth command");
    expect(reply).toContain("/berth extend ENV DURATION");
  });

  it("ignores bots, comments that are not commands, and repeats", async () => {
    await receive("d-bot", commentPayload("/berth plan", "berth[bot]", "Bot"));
    await receive("d-chat", commentPayload("looks good to me"));

    const payload = commentPayload("/berth deploy");
    const repo = `/repos/${payload.repository.full_name}`;
    token();
    github
      .on(
        "POST",
        `${repo}/issues/comments/${payload.comment.id}/reactions`,
        () => ({ status: 201, body: { id: 1 } }),
        2,
      )
      .on("POST", `${repo}/issues/${payload.issue.number}/comments`, () => ({
        status: 201,
        body: { id: 2 },
      }));
    await receive("d-same", payload);
    await receive("d-same", payload);
  });

  it("ignores a payload without the fields Berth needs", async () => {
    const payload = commentPayload("/berth plan");
    delete payload.installation;
    await receive("d-broken", payload);
  });
});
