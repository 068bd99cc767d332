/**
 * The GitHub App end to end: the real `berth serve` receives signed
 * webhooks over HTTP, its API calls go to the GitHub double (which checks
 * each against GitHub's REST description), and the Swarm is real.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { docker } from "../../support/docker.js";
import {
  issueCommentPayload,
  pullRequestPayload,
} from "../../support/github/index.js";
import { fetchText } from "../../support/http.js";
import { manifest, useKit, waitFor, type Kit } from "./github-kit.js";

const ENVS = ["gh-a", "gh-c", "gh-d", "gh-f", "gh-many"];
let kit: Kit;

function checkFor(sha: string) {
  return () =>
    kit.double
      .checkRuns()
      .find((run) => run.head_sha === sha && run.status === "completed");
}

function berthComment(pr: number) {
  const ours = kit.double
    .comments(pr)
    .filter((c) => (c.body ?? "").startsWith("<!-- berth -->"));
  expect(ours.length).toBeLessThanOrEqual(1);
  return ours[0];
}

function services(env: string): string {
  return docker(
    "service",
    "ls",
    "-q",
    "--filter",
    `label=dev.berth.environment=${env}`,
  );
}

async function open(branch: string, files: Record<string, string | null>) {
  const sha = kit.branch(branch, files);
  const pr = kit.double.openPullRequest({ head: branch, user: "alice" });
  await kit.send(
    "pull_request",
    pullRequestPayload(kit.double, "opened", pr.number),
  );
  return { number: pr.number, sha };
}

useKit(ENVS, (started) => {
  kit = started;
});

describe("a pull request from open to merge", () => {
  let pr: { number: number; sha: string };

  it("checks a valid pull request and comments the plan", async () => {
    pr = await open("add-a", { "environments/gh-a.yaml": manifest("gh-a") });

    const check = await waitFor("check run", checkFor(pr.sha));
    expect(check.name).toBe("Berth");
    expect(check.conclusion).toBe("success");
    const comment = await waitFor("comment", () => berthComment(pr.number));
    expect(comment.body).toContain("gh-a");
    expect(comment.body).toContain("to create");
  });

  it("fails a broken manifest pushed to it, on the right line", async () => {
    const broken = manifest("gh-a").replace(
      "env: { LOG_LEVEL: debug }",
      "env: { LOG_LEVEL: debug, API_VERSION: 1.10 }",
    );
    const line = broken.split("\n").findIndex((l) => l.includes("API_")) + 1;
    const sha = kit.commitTo("add-a", { "environments/gh-a.yaml": broken });
    await kit.send(
      "pull_request",
      pullRequestPayload(kit.double, "synchronize", pr.number),
    );

    const check = await waitFor("failed check", checkFor(sha));
    expect(check.conclusion).toBe("failure");
    const annotation = check.annotations.find((a) =>
      a.title?.includes("API_VERSION"),
    );
    expect(annotation).toMatchObject({
      path: "environments/gh-a.yaml",
      start_line: line,
      annotation_level: "failure",
    });
    await waitFor("comment updated", () =>
      berthComment(pr.number)?.body?.includes(sha.slice(0, 7)),
    );
  });

  it("applies the merge commit, with a deployment and its URL", async () => {
    const fixed = kit.commitTo("add-a", {
      "environments/gh-a.yaml": manifest("gh-a"),
    });
    await kit.send(
      "pull_request",
      pullRequestPayload(kit.double, "synchronize", pr.number),
    );
    await waitFor("fixed check", checkFor(fixed));
    const merge = kit.double.merge(pr.number);
    const delivery = "merge-of-add-a";
    const closed = pullRequestPayload(kit.double, "closed", pr.number);
    await kit.send("pull_request", closed, delivery);

    const deployment = await waitFor("deployment success", () =>
      kit.double
        .deployments()
        .find(
          (d) =>
            d.environment === "berth/gh-a" &&
            d.statuses.some((s) => s.state === "success"),
        ),
    );
    expect(deployment.sha).toBe(merge);
    const success = deployment.statuses.find((s) => s.state === "success");
    expect(success?.environment_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await fetchText(success?.environment_url ?? "")).toContain(
      "hello-gh-a",
    );
    const comment = await waitFor("comment with result", () => {
      const body = berthComment(pr.number)?.body ?? "";
      return body.includes("applied") && body.includes("created") && body;
    });
    expect(comment).toContain(success?.environment_url ?? "");

    // The same delivery again, and the same merge under a new id: one apply.
    await kit.send("pull_request", closed, delivery);
    await kit.send("pull_request", closed);
    await new Promise((done) => setTimeout(done, 3_000));
    const all = kit.double
      .deployments()
      .filter((d) => d.environment === "berth/gh-a");
    expect(all).toHaveLength(1);

    // The app's metrics and audit trail show the merge and its apply.
    const metrics = await fetchText(`http://127.0.0.1:${kit.app.port}/metrics`);
    const duplicates = metrics
      .split("\n")
      .find(
        (line) =>
          line.startsWith("berth_webhook_deliveries_total{") &&
          line.includes('event="pull_request"') &&
          line.includes('outcome="duplicate"'),
      );
    expect(Number(duplicates?.split(" ").at(-1))).toBeGreaterThan(0);
    expect(metrics).toMatch(/berth_merge_to_healthy_seconds_count [1-9]/);
    const audit = readFileSync(join(kit.app.stateDir, "audit.jsonl"), "utf8");
    expect(audit).toContain('"environment":"gh-a"');
    expect(audit).toContain('"via":"github"');
  });

  it("destroys an environment whose manifest a merge removes", async () => {
    const removal = await open("remove-a", { "environments/gh-a.yaml": null });
    const check = await waitFor("check", checkFor(removal.sha));
    expect(check.conclusion).toBe("success");
    await waitFor("plan comment", () =>
      berthComment(removal.number)?.body?.includes("destroys"),
    );

    kit.double.merge(removal.number);
    await kit.send(
      "pull_request",
      pullRequestPayload(kit.double, "closed", removal.number),
    );
    await waitFor("services removed", () => services("gh-a") === "", 60_000);
    await waitFor("comment", () =>
      berthComment(removal.number)?.body?.includes("destroyed"),
    );
  });
});

describe("pull requests that are not merged", () => {
  it("applies nothing when closed unmerged; its lock is freed", async () => {
    const pr = await open("add-c", {
      "environments/gh-c.yaml": manifest("gh-c"),
    });
    await waitFor("check", checkFor(pr.sha));
    kit.double.close(pr.number);
    await kit.send(
      "pull_request",
      pullRequestPayload(kit.double, "closed", pr.number),
    );

    await waitFor("closed comment", () =>
      berthComment(pr.number)?.body?.includes("closed, nothing applied"),
    );
    expect(services("gh-c")).toBe("");

    const next = await open("add-c-again", {
      "environments/gh-c.yaml": manifest("gh-c", "again"),
    });
    expect((await waitFor("check", checkFor(next.sha))).conclusion).toBe(
      "success",
    );
    kit.double.close(next.number);
    await kit.send(
      "pull_request",
      pullRequestPayload(kit.double, "closed", next.number),
    );
  });

  it("locks an environment for a second pull request", async () => {
    const first = await open("d-one", {
      "environments/gh-d.yaml": manifest("gh-d"),
    });
    expect((await waitFor("check", checkFor(first.sha))).conclusion).toBe(
      "success",
    );
    const second = await open("d-two", {
      "environments/gh-d.yaml": manifest("gh-d", "other"),
    });
    const check = await waitFor("check", checkFor(second.sha));
    expect(check.conclusion).toBe("failure");
    expect(check.output.summary).toContain(`#${first.number}`);
    await waitFor("lock in comment", () =>
      berthComment(second.number)?.body?.includes(`#${first.number}`),
    );

    kit.double.close(first.number);
    await kit.send(
      "pull_request",
      pullRequestPayload(kit.double, "closed", first.number),
    );
    await waitFor("closed", () =>
      berthComment(first.number)?.body?.includes("closed"),
    );
    await kit.send(
      "pull_request",
      pullRequestPayload(kit.double, "reopened", second.number),
    );
    await waitFor("unlocked", () =>
      kit.double
        .checkRuns()
        .some((r) => r.head_sha === second.sha && r.conclusion === "success"),
    );
    kit.double.close(second.number);
    await kit.send(
      "pull_request",
      pullRequestPayload(kit.double, "closed", second.number),
    );
  });

  it("checks a pull request whose fork was deleted", async () => {
    const sha = kit.branch("fork-f", {
      "environments/gh-f.yaml": manifest("gh-f"),
    });
    const pr = kit.double.openPullRequest({
      head: "fork-f",
      user: "eve",
      fork: true,
    });
    kit.double.deleteFork(pr.number);
    await kit.send(
      "pull_request",
      pullRequestPayload(kit.double, "opened", pr.number),
    );
    expect((await waitFor("check", checkFor(sha))).conclusion).toBe("success");

    kit.double.close(pr.number);
    await kit.send(
      "pull_request",
      pullRequestPayload(kit.double, "closed", pr.number),
    );
    await waitFor("closed comment", () =>
      berthComment(pr.number)?.body?.includes("closed, nothing applied"),
    );
    expect(services("gh-f")).toBe("");
  });
});

describe("limits", () => {
  it("reports 120 errors within comment and annotation limits", async () => {
    const keys = Array.from({ length: 120 }, (_, i) => `K${i}: ${i + 1000}`);
    const text = manifest("gh-many").replace(
      "env: { LOG_LEVEL: debug }",
      `env: { ${keys.join(", ")} }`,
    );
    const pr = await open("many", { "environments/gh-many.yaml": text });
    const check = await waitFor("check", checkFor(pr.sha));

    expect(check.conclusion).toBe("failure");
    expect(check.annotations).toHaveLength(120);
    expect(check.output.title).toContain("120 error");
    const writes = kit.double.requests.filter(
      (r) =>
        r.path.includes("/check-runs") &&
        (r.method === "POST" || r.method === "PATCH") &&
        JSON.stringify(r.body).includes("gh-many.yaml"),
    );
    const sizes = writes.map(
      (r) =>
        (
          (r.body as { output?: { annotations?: unknown[] } }).output
            ?.annotations ?? []
        ).length,
    );
    expect(sizes).toEqual([50, 50, 20]);
    const body = (await waitFor("comment", () => berthComment(pr.number)))
      .body as string;
    expect(body.length).toBeLessThan(65_536);
    expect(body).toContain("Findings (120)");
    kit.double.close(pr.number);
    await kit.send(
      "pull_request",
      pullRequestPayload(kit.double, "closed", pr.number),
    );
  });
});

describe("comment commands", () => {
  it("refuses a user without write access, and obeys one with it", async () => {
    const pr = await open("cmd", {
      "environments/gh-c.yaml": manifest("gh-c"),
    });
    await waitFor("check", checkFor(pr.sha));
    kit.double.setPermission("mallory", "read");
    kit.double.setPermission("alice", "write");

    await kit.send(
      "issue_comment",
      issueCommentPayload(
        kit.double,
        pr.number,
        "mallory",
        "/berth destroy gh-c",
      ),
    );
    await waitFor("refusal", () =>
      kit.double
        .comments(pr.number)
        .find((c) => c.body?.startsWith("@mallory,")),
    );
    await kit.send(
      "issue_comment",
      issueCommentPayload(kit.double, pr.number, "alice", "/berth status"),
    );
    await waitFor("status reply", () =>
      kit.double
        .comments(pr.number)
        .find((c) => c.body?.includes("No environment of this pull request")),
    );
    const reactions = kit.double.reactions().map((r) => r.content);
    expect(reactions.filter((r) => r === "eyes")).toHaveLength(2);
    expect(reactions).toContain("-1");
    expect(reactions).toContain("+1");
    kit.double.close(pr.number);
    await kit.send(
      "pull_request",
      pullRequestPayload(kit.double, "closed", pr.number),
    );
  });
});
