import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { verify } from "@octokit/webhooks-methods";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  deliver,
  installationPayload,
  issueCommentPayload,
  pullRequestPayload,
  pushPayload,
  webhookErrors,
} from "../../support/github/index.js";
import { type Scenario, INSTALLATION_ID, startScenario } from "./scenario.js";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

function receiver(): Promise<{ server: Server; url: string; got: Received[] }> {
  const got: Received[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      got.push({ headers: request.headers, body });
      response.writeHead(202).end("ok");
    });
  });
  return new Promise((done) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address() as { port: number };
      const url = `http://127.0.0.1:${address.port}/api/github/webhooks`;
      done({ server, url, got });
    }),
  );
}

describe("webhook payloads and deliveries", () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await startScenario();
    s.git("checkout", "-q", "-b", "feature");
    s.repo.write("environments/beta.yaml", "name: beta\n");
    s.repo.commit("beta");
    s.repo.write("environments/beta.yaml", "name: beta2\n");
    s.repo.commit("beta again");
    s.git("checkout", "-q", "main");
  });
  afterEach(async () => {
    await s.dispose();
  });

  it("builds pull request payloads from the double's state", () => {
    const pr = s.double.openPullRequest({ head: "feature", user: "alice" });

    const actions = ["opened", "synchronize", "reopened", "ready_for_review"];
    const payloads = actions.map((a) =>
      pullRequestPayload(s.double, a, pr.number),
    );
    const merge = s.double.merge(pr.number);
    const closed = pullRequestPayload(s.double, "closed", pr.number) as {
      pull_request: {
        merged: boolean;
        merge_commit_sha: string;
        head: { sha: string };
      };
      installation: { id: number };
      repository: { full_name: string };
    };
    const sync = payloads[1] as { before: string; after: string };

    expect(closed.pull_request).toMatchObject({
      merged: true,
      merge_commit_sha: merge,
      head: { sha: pr.head.sha },
    });
    expect(closed.installation.id).toBe(INSTALLATION_ID);
    expect(closed.repository.full_name).toBe("acme/environments");
    expect(sync.after).toBe(pr.head.sha);
    expect(sync.before).toBe(s.git("rev-parse", "feature^"));
    for (const payload of [...payloads, closed]) {
      expect(webhookErrors("pull_request", payload)).toEqual([]);
    }
  });

  it("builds a closed payload for a deleted fork", () => {
    const pr = s.double.openPullRequest({
      head: "feature",
      user: "mallory",
      fork: true,
    });
    s.double.close(pr.number);
    s.double.deleteFork(pr.number);

    const payload = pullRequestPayload(s.double, "closed", pr.number) as {
      pull_request: { head: { repo: unknown }; merged: boolean };
    };

    expect(payload.pull_request.head.repo).toBeNull();
    expect(payload.pull_request.merged).toBe(false);
  });

  it("builds push, comment and installation payloads", () => {
    const pr = s.double.openPullRequest({ head: "feature", user: "alice" });
    const before = s.git("rev-parse", "main");
    const after = s.double.merge(pr.number);

    const push = pushPayload(s.double, before, after) as {
      commits: { id: string; added: string[] }[];
      head_commit: { id: string };
      ref: string;
    };
    const comment = issueCommentPayload(
      s.double,
      pr.number,
      "bob",
      "/berth status",
    ) as {
      comment: { id: number; body: string; user: { login: string } };
      issue: { number: number; pull_request: object };
    };
    const installation = installationPayload(s.double);

    expect(push.ref).toBe("refs/heads/main");
    expect(push.head_commit.id).toBe(after);
    expect(push.commits.map((c) => c.id)).toContain(after);
    expect(comment.comment).toMatchObject({
      body: "/berth status",
      user: { login: "bob" },
    });
    expect(comment.issue.number).toBe(pr.number);
    expect(comment.issue.pull_request).toBeDefined();
    expect(s.double.comments(pr.number).map((c) => c.id)).toEqual([
      comment.comment.id,
    ]);
    expect(webhookErrors("push", push)).toEqual([]);
    expect(webhookErrors("issue_comment", comment)).toEqual([]);
    expect(webhookErrors("installation", installation)).toEqual([]);
  });

  it("delivers signed payloads; a fixed id redelivers", async () => {
    const target = await receiver();
    const pr = s.double.openPullRequest({ head: "feature", user: "alice" });
    const payload = pullRequestPayload(s.double, "opened", pr.number);

    const first = await deliver(target.url, "s3cret", "pull_request", payload);
    const again = await deliver(
      target.url,
      "s3cret",
      "pull_request",
      payload,
      first.delivery,
    );
    target.server.close();

    expect(first.status).toBe(202);
    expect(first.ms).toBeGreaterThan(0);
    expect(again.delivery).toBe(first.delivery);
    const [received] = target.got;
    const signature = String(received?.headers["x-hub-signature-256"]);
    expect(await verify("s3cret", received?.body ?? "", signature)).toBe(true);
    expect(await verify("wrong", received?.body ?? "", signature)).toBe(false);
    expect(received?.headers["x-github-event"]).toBe("pull_request");
    expect(target.got[1]?.headers["x-github-delivery"]).toBe(first.delivery);
  });

  it("refuses to build a payload GitHub would never send", () => {
    const pr = s.double.openPullRequest({ head: "feature", user: "alice" });
    const payload = pullRequestPayload(s.double, "opened", pr.number) as Record<
      string,
      unknown
    >;

    expect(
      webhookErrors("pull_request", { ...payload, number: "one" }),
    ).not.toEqual([]);
  });
});
