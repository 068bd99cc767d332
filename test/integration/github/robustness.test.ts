/**
 * The GitHub App end to end when GitHub misbehaves: rate limits and
 * server errors are retried, a delivery that failed anyway is processed
 * again when GitHub redelivers it, and installation tokens that expire
 * during a long apply are replaced before reporting.
 */
import { describe, expect, it } from "vitest";
import { pullRequestPayload, pushPayload } from "../../support/github/index.js";
import { manifest, useKit, waitFor, type Kit } from "./github-kit.js";

const ENVS = ["gh-retry", "gh-fail", "gh-token"];
let kit: Kit;

function checkFor(sha: string) {
  return () =>
    kit.double
      .checkRuns()
      .find((run) => run.head_sha === sha && run.status === "completed");
}

useKit(ENVS, (started) => {
  kit = started;
});

describe("when GitHub misbehaves", () => {
  it("waits out secondary rate limits", async () => {
    const sha = kit.branch("retry", {
      "environments/gh-retry.yaml": manifest("gh-retry"),
    });
    const pr = kit.double.openPullRequest({ head: "retry", user: "alice" });
    kit.double.failNext(2, "secondary-rate-limit");
    await kit.send(
      "pull_request",
      pullRequestPayload(kit.double, "opened", pr.number),
    );
    expect((await waitFor("check", checkFor(sha))).conclusion).toBe("success");
  });

  it("processes again a redelivery that failed, retrying errors", async () => {
    const sha = kit.branch("fail", {
      "environments/gh-fail.yaml": manifest("gh-fail"),
    });
    const pr = kit.double.openPullRequest({ head: "fail", user: "alice" });
    const payload = pullRequestPayload(kit.double, "opened", pr.number);
    kit.double.failNext(20, "500");
    await kit.send("pull_request", payload, "fails-first");
    await waitFor("a failed delivery", () =>
      kit.app.output().includes("delivery failed; a redelivery"),
    );
    expect(checkFor(sha)()).toBeUndefined();

    kit.double.failNext(1, "500");
    await kit.send("pull_request", payload, "fails-first");
    expect((await waitFor("check", checkFor(sha))).conclusion).toBe("success");
  });

  it("reports a long apply with a token that is still valid", async () => {
    kit.double.tokenLifetimeMs = 4_000;
    const before = kit.git("rev-parse", "HEAD");
    kit.repo.write("environments/gh-token.yaml", manifest("gh-token"));
    const after = kit.repo.commit("token test");
    await kit.send("push", pushPayload(kit.double, before, after));

    const deployment = await waitFor("deployment", () =>
      kit.double
        .deployments()
        .find(
          (d) =>
            d.environment === "berth/gh-token" &&
            d.statuses.some((s) => s.state !== "in_progress"),
        ),
    );
    expect(deployment.statuses.map((s) => s.state)).toEqual([
      "in_progress",
      "success",
    ]);
    kit.double.tokenLifetimeMs = 3_600_000;
  });
});

describe("a pull request closed while it is being checked", () => {
  it("reports no plan, says closed, nothing applied", async () => {
    const sha = kit.branch("closing", {
      "environments/gh-retry.yaml": manifest("gh-retry", "closing"),
    });
    const pr = kit.double.openPullRequest({ head: "closing", user: "alice" });
    const opened = pullRequestPayload(kit.double, "opened", pr.number);
    kit.double.close(pr.number);
    await kit.send("pull_request", opened);
    await kit.send(
      "pull_request",
      pullRequestPayload(kit.double, "closed", pr.number),
    );

    const comment = await waitFor("comment", () =>
      kit.double
        .comments(pr.number)
        .find((c) => c.body?.includes("closed, nothing applied")),
    );
    expect(comment).toBeDefined();
    expect(checkFor(sha)()).toBeUndefined();
    expect(kit.double.comments(pr.number)).toHaveLength(1);
  });
});
