import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CheckAnnotation } from "../../support/github/index.js";
import { type Scenario, OWNER, REPO, startScenario } from "./scenario.js";
import { expectValid } from "./valid.js";

const repo = { owner: OWNER, repo: REPO };

function annotations(count: number): CheckAnnotation[] {
  return Array.from({ length: count }, (_, i) => ({
    path: "environments/alpha.yaml",
    start_line: i + 1,
    end_line: i + 1,
    annotation_level: "failure",
    message: `error ${i}`,
  }));
}

describe("the GitHub double records what the app writes", () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await startScenario();
  });
  afterEach(async () => {
    await s.dispose();
  });

  it("keeps every annotation of a check run across updates", async () => {
    const gh = await s.installation();
    const head_sha = s.git("rev-parse", "HEAD");
    const output = (n: number) => ({
      title: "Berth",
      summary: "plan",
      annotations: annotations(n),
    });

    const created = await gh.checks.create({
      ...repo,
      name: "Berth",
      head_sha,
      status: "in_progress",
      output: output(50),
    });
    const updated = await gh.checks.update({
      ...repo,
      check_run_id: created.data.id,
      conclusion: "failure",
      output: output(20),
    });

    expectValid("POST", created);
    expectValid("PATCH", updated);
    const [run] = s.double.checkRuns();
    expect(run?.annotations).toHaveLength(70);
    expect(run).toMatchObject({
      name: "Berth",
      status: "completed",
      conclusion: "failure",
    });
    expect(s.double.problems).toEqual([]);
  });

  it("refuses what GitHub refuses and records it as a problem", async () => {
    const gh = await s.installation();
    const head_sha = s.git("rev-parse", "HEAD");
    const status = (p: Promise<unknown>) =>
      p.then(
        () => 200,
        (e: { status: number }) => e.status,
      );
    const { number } = s.double.openPullRequest({
      head: "main",
      base: "main",
      user: "alice",
    });
    const noLevel = annotations(1).map(
      ({ annotation_level: _, ...rest }) => rest,
    );

    const great = await status(
      gh.request(`POST /repos/${OWNER}/${REPO}/check-runs`, {
        name: "Berth",
        head_sha,
        conclusion: "great",
      }),
    );
    const missing = await status(
      gh.request(`POST /repos/${OWNER}/${REPO}/check-runs`, {
        name: "Berth",
        head_sha,
        output: { title: "t", summary: "s", annotations: noLevel },
      }),
    );
    const tooMany = await status(
      gh.checks.create({
        ...repo,
        name: "Berth",
        head_sha,
        output: { title: "t", summary: "s", annotations: annotations(51) },
      }),
    );
    const summary = await status(
      gh.checks.create({
        ...repo,
        name: "Berth",
        head_sha,
        output: { title: "t", summary: "y".repeat(65_536) },
      }),
    );
    const long = await status(
      gh.issues.createComment({
        ...repo,
        issue_number: number,
        body: "x".repeat(70_000),
      }),
    );

    expect([great, missing, tooMany, summary, long]).toEqual([
      422, 422, 422, 422, 422,
    ]);
    expect(s.double.problems).toHaveLength(5);
    expect(s.double.problems[0]).toMatch(/check-runs .*conclusion/);
    expect(s.double.problems[1]).toMatch(/annotation_level/);
    expect(s.double.problems[2]).toMatch(
      /annotations must NOT have more than 50/,
    );
    expect(s.double.problems[3]).toMatch(
      /summary must NOT have more than 65535/,
    );
    expect(s.double.problems[4]).toMatch(/too long \(maximum is 65536/);
    expect(s.double.checkRuns()).toEqual([]);
  });

  it("creates, lists and edits comments, and records reactions", async () => {
    const gh = await s.installation();
    const { number } = s.double.openPullRequest({
      head: "main",
      base: "main",
      user: "alice",
    });
    const command = s.double.addComment(number, "alice", "/berth plan");

    const created = await gh.issues.createComment({
      ...repo,
      issue_number: number,
      body: "<!-- berth -->\nplan",
    });
    const edited = await gh.issues.updateComment({
      ...repo,
      comment_id: created.data.id,
      body: "<!-- berth -->\nnew",
    });
    const listed = await gh.issues.listComments({
      ...repo,
      issue_number: number,
    });
    const reaction = await gh.reactions.createForIssueComment({
      ...repo,
      comment_id: command.id,
      content: "+1",
    });
    const foreign = await gh.issues
      .updateComment({ ...repo, comment_id: command.id, body: "hijack" })
      .catch((e: { status: number }) => e.status);

    expectValid("POST", created);
    expectValid("PATCH", edited);
    expectValid("GET", listed);
    expectValid("POST", reaction);
    expect(listed.data.map((c) => [c.user?.login, c.body])).toEqual([
      ["alice", "/berth plan"],
      ["berth[bot]", "<!-- berth -->\nnew"],
    ]);
    expect(s.double.reactions()).toEqual([
      { commentId: command.id, content: "+1", user: "berth[bot]" },
    ]);
    expect(foreign).toBe(422);
  });

  it("records deployments and their statuses", async () => {
    const gh = await s.installation();

    const deployment = await gh.repos.createDeployment({
      ...repo,
      ref: "main",
      environment: "alpha",
      auto_merge: false,
      required_contexts: [],
      transient_environment: true,
    });
    const id = (deployment.data as { id: number }).id;
    const progress = await gh.repos.createDeploymentStatus({
      ...repo,
      deployment_id: id,
      state: "in_progress",
    });
    await gh.repos.createDeploymentStatus({
      ...repo,
      deployment_id: id,
      state: "success",
      environment_url: "http://127.0.0.1:20001/",
    });
    const statuses = await gh.repos.listDeploymentStatuses({
      ...repo,
      deployment_id: id,
    });

    expectValid("POST", deployment);
    expectValid("POST", progress);
    expectValid("GET", statuses);
    const [recorded] = s.double.deployments();
    expect(recorded).toMatchObject({
      environment: "alpha",
      sha: s.git("rev-parse", "main"),
    });
    expect(recorded?.statuses.map((x) => x.state)).toEqual([
      "in_progress",
      "success",
    ]);
    expect(recorded?.statuses[1]?.environment_url).toBe(
      "http://127.0.0.1:20001/",
    );
    expect(s.double.problems).toEqual([]);
  });

  it("refuses to deploy failing commits unless waived", async () => {
    const gh = await s.installation();
    const head_sha = s.git("rev-parse", "HEAD");
    await gh.checks.create({
      ...repo,
      name: "Berth",
      head_sha,
      conclusion: "failure",
      output: { title: "t", summary: "s" },
    });

    const refused = await gh.repos
      .createDeployment({ ...repo, ref: head_sha, environment: "alpha" })
      .catch((e: { status: number }) => e.status);

    expect(refused).toBe(409);
    expect(s.double.problems.join()).toMatch(/required_contexts/);
  });

  it("opens, edits and filters issues", async () => {
    const gh = await s.installation();

    const opened = await gh.issues.create({
      ...repo,
      title: "alpha expires",
      labels: ["berth", "expiry"],
    });
    await gh.issues.create({ ...repo, title: "other", labels: ["other"] });
    const labelled = await gh.issues.listForRepo({
      ...repo,
      labels: "berth,expiry",
      state: "open",
    });
    const closed = await gh.issues.update({
      ...repo,
      issue_number: opened.data.number,
      state: "closed",
    });
    const open = await gh.issues.listForRepo({ ...repo, labels: "berth" });

    expectValid("POST", opened);
    expectValid("GET", labelled);
    expectValid("PATCH", closed);
    expect(labelled.data.map((i) => i.title)).toEqual(["alpha expires"]);
    expect(open.data).toEqual([]);
    expect(s.double.issues().map((i) => i.state)).toEqual(["closed", "open"]);
    expect(s.double.problems).toEqual([]);
  });

  it("answers permissions, teams and keys from the test's tables", async () => {
    const gh = await s.installation();
    s.double.setPermission("alice", "write");
    s.double.setTeamMember("acme", "payments", "bob");
    s.double.setUserKeys("bob", ["ssh-ed25519 AAAA bob"]);

    const alice = await gh.repos.getCollaboratorPermissionLevel({
      ...repo,
      username: "alice",
    });
    const eve = await gh.repos.getCollaboratorPermissionLevel({
      ...repo,
      username: "eve",
    });
    const member = await gh.teams.getMembershipForUserInOrg({
      org: "acme",
      team_slug: "payments",
      username: "bob",
    });
    const stranger = await gh.teams
      .getMembershipForUserInOrg({
        org: "acme",
        team_slug: "payments",
        username: "eve",
      })
      .catch((e: { status: number }) => e.status);
    const keys = await gh.users.listPublicKeysForUser({ username: "bob" });

    expectValid("GET", alice);
    expectValid("GET", member);
    expectValid("GET", keys);
    expect(alice.data.permission).toBe("write");
    expect(eve.data.permission).toBe("none");
    expect(member.data.state).toBe("active");
    expect(stranger).toBe(404);
    expect(keys.data.map((k) => k.key)).toEqual(["ssh-ed25519 AAAA bob"]);
    expect(s.double.problems).toEqual([]);
  });
});
