import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_PULL_FILES } from "../../support/github/index.js";
import { type Scenario, OWNER, REPO, startScenario } from "./scenario.js";
import { expectValid } from "./valid.js";

const repo = { owner: OWNER, repo: REPO };

describe("the GitHub double's pull requests", () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await startScenario();
  });
  afterEach(async () => {
    await s.dispose();
  });

  function branch(name: string, change: () => void): string {
    s.git("checkout", "-q", "-b", name, "main");
    change();
    const sha = s.repo.commit(name);
    s.git("checkout", "-q", "main");
    return sha;
  }

  it("serves a pull request and its changed files", async () => {
    const head = branch("feature", () => {
      s.git("mv", "environments/alpha.yaml", "environments/moved.yaml");
      s.repo.write("environments/beta.yaml", "name: beta\n");
      s.repo.remove(".github/berth.yml");
    });
    const opened = s.double.openPullRequest({ head: "feature", user: "alice" });
    const gh = await s.installation();

    const pr = await gh.pulls.get({ ...repo, pull_number: opened.number });
    const files = await gh.pulls.listFiles({
      ...repo,
      pull_number: opened.number,
    });

    expectValid("GET", pr);
    expectValid("GET", files);
    expect(pr.data.head).toMatchObject({ ref: "feature", sha: head });
    expect(pr.data.base.ref).toBe("main");
    expect(
      files.data.map((f) => [f.filename, f.status, f.previous_filename]),
    ).toEqual(
      expect.arrayContaining([
        ["environments/moved.yaml", "renamed", "environments/alpha.yaml"],
        ["environments/beta.yaml", "added", undefined],
        [".github/berth.yml", "removed", undefined],
      ]),
    );
    expect(s.double.problems).toEqual([]);
  });

  it("pages files with Link headers and stops at 3,000", async () => {
    branch("big", () => {
      for (let i = 0; i < MAX_PULL_FILES + 20; i++) {
        s.repo.write(`environments/gen/e${i}.yaml`, `name: e${i}\n`);
      }
    });
    const opened = s.double.openPullRequest({ head: "big", user: "alice" });
    const gh = await s.installation();

    const first = await gh.pulls.listFiles({
      ...repo,
      pull_number: opened.number,
      per_page: 100,
    });
    const all = await gh.paginate(gh.pulls.listFiles, {
      ...repo,
      pull_number: opened.number,
      per_page: 100,
    });

    expect(first.headers.link).toContain('rel="next"');
    expect(all).toHaveLength(MAX_PULL_FILES);
    expect(opened.changed_files).toBe(MAX_PULL_FILES + 20);
  });

  it("merges with a merge commit, closes and loses a fork", async () => {
    const head = branch("feature", () =>
      s.repo.write("environments/beta.yaml", "b\n"),
    );
    branch("forked", () => s.repo.write("environments/gamma.yaml", "g\n"));
    const first = s.double.openPullRequest({ head: "feature", user: "alice" });
    const second = s.double.openPullRequest({
      head: "forked",
      user: "mallory",
      fork: true,
    });
    s.double.addReview(first.number, { user: "bob", state: "APPROVED" });
    const gh = await s.installation();

    const sha = s.double.merge(first.number);
    s.double.close(second.number);
    s.double.deleteFork(second.number);
    const merged = await gh.pulls.get({ ...repo, pull_number: first.number });
    const closed = await gh.pulls.get({ ...repo, pull_number: second.number });
    const reviews = await gh.pulls.listReviews({
      ...repo,
      pull_number: first.number,
    });
    const files = await gh.pulls.listFiles({
      ...repo,
      pull_number: first.number,
    });
    const associated = await gh.repos.listPullRequestsAssociatedWithCommit({
      ...repo,
      commit_sha: sha,
    });

    expectValid("GET", merged);
    expectValid("GET", closed);
    expectValid("GET", reviews);
    expect(s.git("rev-parse", "main")).toBe(sha);
    expect(s.git("rev-parse", `${sha}^2`)).toBe(head);
    expect(merged.data).toMatchObject({
      state: "closed",
      merged: true,
      merge_commit_sha: sha,
    });
    expect(files.data.map((f) => f.filename)).toEqual([
      "environments/beta.yaml",
    ]);
    expect(closed.data).toMatchObject({ state: "closed", merged: false });
    expect(closed.data.head.repo).toBeNull();
    expectValid("GET", associated);
    expect(associated.data.map((p) => p.number)).toEqual([first.number]);
    expect(reviews.data.map((r) => [r.user?.login, r.state])).toEqual([
      ["bob", "APPROVED"],
    ]);
    expect(s.double.problems).toEqual([]);
  });

  it("lets the app open a pull request that deletes a file", async () => {
    const gh = await s.installation();
    const main = s.git("rev-parse", "main");

    await gh.git.createRef({
      ...repo,
      ref: "refs/heads/remove-alpha",
      sha: main,
    });
    const file = await gh.repos.getContent({
      ...repo,
      path: "environments/alpha.yaml",
    });
    const blob = (file.data as { sha: string }).sha;
    const removed = await gh.repos.deleteFile({
      ...repo,
      path: "environments/alpha.yaml",
      message: "Remove alpha",
      sha: blob,
      branch: "remove-alpha",
    });
    const pr = await gh.pulls.create({
      ...repo,
      title: "Remove alpha",
      head: "remove-alpha",
      base: "main",
    });
    const files = await gh.pulls.listFiles({
      ...repo,
      pull_number: pr.data.number,
    });

    expectValid("DELETE", removed);
    expectValid("POST", pr);
    expect(files.data.map((f) => [f.filename, f.status])).toEqual([
      ["environments/alpha.yaml", "removed"],
    ]);
    expect(s.git("ls-tree", "-r", "--name-only", "remove-alpha")).not.toContain(
      "alpha",
    );
    expect(s.double.pullRequest(pr.data.number).user?.login).toBe("berth[bot]");
    expect(s.double.problems).toEqual([]);
  });
});
