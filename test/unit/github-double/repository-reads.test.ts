import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Scenario, OWNER, REPO, startScenario } from "./scenario.js";
import { expectValid } from "./valid.js";

const repo = { owner: OWNER, repo: REPO };

describe("the GitHub double serves git contents", () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await startScenario();
  });
  afterEach(async () => {
    await s.dispose();
  });

  it("serves a file, raw or base64, and 404 for a missing one", async () => {
    const gh = await s.installation();

    const file = await gh.repos.getContent({
      ...repo,
      path: "environments/alpha.yaml",
      ref: "main",
    });
    const raw = await gh.request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...repo,
      path: ".github/berth.yml",
      mediaType: { format: "raw" },
    });
    const missing = await gh.repos
      .getContent({ ...repo, path: "nope.yaml" })
      .catch((e: { status: number }) => e.status);

    expectValid("GET", file);
    const data = file.data as { content: string; encoding: string };
    expect(data.encoding).toBe("base64");
    expect(Buffer.from(data.content, "base64").toString()).toBe(
      "name: alpha\n",
    );
    expect(raw.data).toBe("requireApproval: true\n");
    expect(raw.headers["content-type"]).not.toContain("application/json");
    expect(missing).toBe(404);
    expect(s.double.problems).toEqual([]);
  });

  it("lists a directory; 404 for the owner's .github repository", async () => {
    const gh = await s.installation();

    const dir = await gh.repos.getContent({ ...repo, path: "environments" });
    const other = await gh.repos
      .getContent({ owner: OWNER, repo: ".github", path: ".github/berth.yml" })
      .catch((e: { status: number }) => e.status);

    expectValid("GET", dir);
    expect(Array.isArray(dir.data)).toBe(true);
    expect(other).toBe(404);
  });

  it("gives no content for a file over 1 MB, but raw still works", async () => {
    s.repo.write("environments/huge.yaml", "x".repeat(1_100_000));
    s.repo.commit("huge");
    const gh = await s.installation();

    const json = await gh.repos.getContent({
      ...repo,
      path: "environments/huge.yaml",
    });
    const raw = await gh.request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...repo,
      path: "environments/huge.yaml",
      mediaType: { format: "raw" },
    });

    expectValid("GET", json);
    expect(json.data).toMatchObject({
      encoding: "none",
      content: "",
      size: 1_100_000,
    });
    expect(String(raw.data).length).toBe(1_100_000);
  });

  it("serves trees, blobs and commits", async () => {
    const gh = await s.installation();
    const head = s.git("rev-parse", "HEAD");

    const tree = await gh.git.getTree({
      ...repo,
      tree_sha: head,
      recursive: "1",
    });
    const blobSha =
      tree.data.tree.find((e) => e.path === "environments/alpha.yaml")?.sha ??
      "";
    const blob = await gh.git.getBlob({ ...repo, file_sha: blobSha });
    const commit = await gh.repos.getCommit({ ...repo, ref: "main" });
    const flat = await gh.git.getTree({ ...repo, tree_sha: "main" });

    expectValid("GET", tree);
    expectValid("GET", blob);
    expectValid("GET", commit);
    expect(tree.data.tree.map((e) => e.path)).toContain(
      "environments/alpha.yaml",
    );
    expect(flat.data.tree.map((e) => e.path)).toEqual([
      ".github",
      "environments",
    ]);
    expect(Buffer.from(blob.data.content, "base64").toString()).toBe(
      "name: alpha\n",
    );
    expect(commit.data.sha).toBe(head);
    expect(commit.data.files?.map((f) => f.filename)).toContain(
      ".github/berth.yml",
    );
  });

  it("compares commits: identical, ahead, behind, diverged", async () => {
    const gh = await s.installation();
    const base = s.git("rev-parse", "HEAD");
    s.git("checkout", "-q", "-b", "feature");
    s.repo.write("environments/beta.yaml", "name: beta\n");
    s.repo.remove("environments/alpha.yaml");
    const ahead = s.repo.commit("beta");
    s.git("checkout", "-q", "main");
    s.repo.write("README.md", "hello\n");
    const other = s.repo.commit("readme");
    const compare = (basehead: string) =>
      gh.repos.compareCommitsWithBasehead({ ...repo, basehead });

    const same = await compare(`${base}...${base}`);
    const forward = await compare(`${base}...${ahead}`);
    const backward = await compare(`${ahead}...${base}`);
    const split = await compare(`${other}...feature`);

    expectValid("GET", split);
    expect(same.data.status).toBe("identical");
    expect(forward.data).toMatchObject({
      status: "ahead",
      ahead_by: 1,
      behind_by: 0,
    });
    expect(backward.data.status).toBe("behind");
    expect(split.data).toMatchObject({
      status: "diverged",
      ahead_by: 1,
      behind_by: 1,
    });
    expect(split.data.merge_base_commit.sha).toBe(base);
    expect(split.data.files?.map((f) => [f.filename, f.status]).sort()).toEqual(
      [
        ["environments/alpha.yaml", "removed"],
        ["environments/beta.yaml", "added"],
      ],
    );
    expect(s.double.problems).toEqual([]);
  });
});
