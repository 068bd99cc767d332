/**
 * The GitHub App end to end, beyond pull requests: a direct push to the
 * default branch (applied once), and a pull request whose file list
 * GitHub cuts off at 3,000 files, holding a manifest too big to read.
 */
import { describe, expect, it } from "vitest";
import { pullRequestPayload, pushPayload } from "../../support/github/index.js";
import { manifest, useKit, waitFor, type Kit } from "./github-kit.js";

const ENVS = ["gh-push", "gh-big", "gh-huge"];
let kit: Kit;

useKit(ENVS, (started) => {
  kit = started;
});

describe("a push to the default branch", () => {
  it("is applied once, however often it is delivered", async () => {
    const before = kit.git("rev-parse", "HEAD");
    kit.repo.write("environments/gh-push.yaml", manifest("gh-push"));
    const after = kit.repo.commit("direct push");
    const payload = pushPayload(kit.double, before, after);

    await kit.send("push", payload, "push-1");
    const deployment = await waitFor("deployment", () =>
      kit.double
        .deployments()
        .find(
          (d) =>
            d.environment === "berth/gh-push" &&
            d.statuses.some((s) => s.state === "success"),
        ),
    );
    expect(deployment.sha).toBe(after);

    await kit.send("push", payload, "push-1");
    await kit.send("push", payload, "push-2");
    await new Promise((done) => setTimeout(done, 3_000));
    const all = kit.double
      .deployments()
      .filter((d) => d.environment === "berth/gh-push");
    expect(all).toHaveLength(1);
  });
});

describe("a big pull request", () => {
  it("finds every manifest and refuses one too big to read", async () => {
    const files: Record<string, string> = {
      "environments/gh-big.yaml": manifest("gh-big"),
      "environments/gh-huge.yaml":
        manifest("gh-huge") + `# ${"x".repeat(1_300_000)}\n`,
    };
    for (let i = 0; i < 3_000; i++) files[`docs/page-${i}.md`] = `${i}\n`;
    const sha = kit.branch("big", files);
    const pr = kit.double.openPullRequest({ head: "big", user: "alice" });
    await kit.send(
      "pull_request",
      pullRequestPayload(kit.double, "opened", pr.number),
    );

    const check = await waitFor("check", () =>
      kit.double
        .checkRuns()
        .find((r) => r.head_sha === sha && r.status === "completed"),
    );
    expect(check.conclusion).toBe("failure");
    const refused = check.annotations.find(
      (a) => a.path === "environments/gh-huge.yaml",
    );
    expect(refused?.message).toMatch(/1\.2 MiB .*over the limit/);
    expect(check.output.summary).toContain("gh-big");

    kit.double.close(pr.number);
    await kit.send(
      "pull_request",
      pullRequestPayload(kit.double, "closed", pr.number),
    );
  });
});
