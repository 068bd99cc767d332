/**
 * Comment commands end to end, with settings read from
 * `.github/berth.yml` through the GitHub double: `/berth apply` before
 * merge when allowed, then `/berth extend` and `/berth destroy` on the
 * real Swarm; and settings with an unknown key failing the check.
 */
import { describe, expect, it } from "vitest";
import { docker } from "../../support/docker.js";
import {
  issueCommentPayload,
  pullRequestPayload,
} from "../../support/github/index.js";
import { manifest, useKit, waitFor, type Kit } from "./github-kit.js";

const ENV = "gh-cmd";
let kit: Kit;

function reply(pr: number, text: string) {
  return () =>
    kit.double.comments(pr).find((c) => (c.body ?? "").includes(text));
}

function command(pr: number, user: string, body: string) {
  return kit.send(
    "issue_comment",
    issueCommentPayload(kit.double, pr, user, body),
  );
}

useKit([ENV], (started) => {
  kit = started;
  kit.repo.write(".github/berth.yml", "allowApplyBeforeMerge: true\n");
  kit.repo.commit("allow /berth apply");
  kit.double.setPermission("alice", "write");
});

describe("comment commands on the real Swarm", () => {
  let pr: number;

  it("applies before merge when the settings allow it", async () => {
    const sha = kit.branch("cmd", {
      [`environments/${ENV}.yaml`]: manifest(ENV),
    });
    pr = kit.double.openPullRequest({ head: "cmd", user: "alice" }).number;
    await kit.send(
      "pull_request",
      pullRequestPayload(kit.double, "opened", pr),
    );
    await waitFor("check", () =>
      kit.double.checkRuns().find((r) => r.head_sha === sha),
    );

    await command(pr, "alice", "/berth apply");
    const applied = await waitFor("apply reply", reply(pr, "Applied"));
    expect(applied.body).toContain(`${ENV}\` created`);
    const deployment = kit.double
      .deployments()
      .find((d) => d.environment === `berth/${ENV}`);
    expect(deployment?.sha).toBe(sha);
  });

  it("extends and destroys the environment", async () => {
    const expiresAfter = () =>
      Number(
        docker(
          "service",
          "inspect",
          "-f",
          '{{index .Spec.Labels "dev.berth.expires-after"}}',
          `${ENV}_web`,
        ),
      );
    const before = expiresAfter();
    await command(pr, "alice", `/berth extend ${ENV} 2d`);
    await waitFor("extend reply", reply(pr, "now expires at"));

    // The time it had left, plus two days.
    const added = expiresAfter() - before;
    expect(added).toBeGreaterThan(2 * 86_400 - 300);
    expect(added).toBeLessThanOrEqual(2 * 86_400);

    await command(pr, "alice", `/berth destroy ${ENV}`);
    await waitFor("destroy reply", reply(pr, `Destroyed \`${ENV}\``));
    expect(docker("service", "ls", "-q", "--filter", `name=${ENV}_`)).toBe("");
    await waitFor(
      "three +1 reactions",
      () =>
        kit.double.reactions().filter((r) => r.content === "+1").length === 3,
    );
  });

  it("fails the check when the settings have an unknown key", async () => {
    kit.repo.write(".github/berth.yml", "allowApplyBeforeMerg: true\n");
    kit.repo.commit("typo in the settings");
    kit.commitTo("cmd", { [`environments/${ENV}.yaml`]: manifest(ENV, "x") });
    const head = kit.double.pullRequest(pr).head.sha;
    await kit.send(
      "pull_request",
      pullRequestPayload(kit.double, "synchronize", pr),
    );
    const check = await waitFor("check", () =>
      kit.double
        .checkRuns()
        .find((r) => r.head_sha === head && r.status === "completed"),
    );
    expect(check.conclusion).toBe("failure");
    expect(check.output.summary).toContain("allowApplyBeforeMerg");
  });
});
