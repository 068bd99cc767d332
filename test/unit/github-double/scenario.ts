/**
 * A small repository served by a fresh GitHub double, and Octokit clients
 * that reach it the way the app does.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Octokit } from "@octokit/rest";
import { createTestRepo, type TestRepo } from "../../support/git-repo.js";
import {
  type AppKeyPair,
  type GitHubDouble,
  generateAppKeyPair,
  signAppJwt,
  startGitHubDouble,
} from "../../support/github/index.js";

/** What a test of the double works with. */
export interface Scenario {
  repo: TestRepo;
  double: GitHubDouble;
  keys: AppKeyPair;
  git(...args: string[]): string;
  /** An Octokit authenticated as the app (JWT). */
  app(): Octokit;
  /** An Octokit with a fresh installation token. */
  installation(): Promise<Octokit>;
  dispose(): Promise<void>;
}

export const OWNER = "acme";
export const REPO = "environments";
export const APP_ID = 4242;
export const INSTALLATION_ID = 77;

let keys: AppKeyPair | undefined;

/** Starts a double over a repository with one commit on main. */
export async function startScenario(): Promise<Scenario> {
  keys ??= generateAppKeyPair();
  const empty = mkdtempSync(join(tmpdir(), "github-double-fixture-"));
  const repo = createTestRepo(empty);
  rmSync(empty, { recursive: true });
  repo.write("environments/alpha.yaml", "name: alpha\n");
  repo.write(".github/berth.yml", "requireApproval: true\n");
  repo.commit("initial");
  const double = await startGitHubDouble({
    owner: OWNER,
    repo: REPO,
    gitDir: repo.dir,
    appId: APP_ID,
    installationId: INSTALLATION_ID,
    publicKey: keys.publicKey,
    checkResponses: true,
  });
  const pair = keys;
  const baseUrl = `${double.url}/api/v3`;
  const app = () =>
    new Octokit({ baseUrl, auth: signAppJwt(APP_ID, pair.privateKey) });
  return {
    repo,
    double,
    keys: pair,
    git: (...args) =>
      execFileSync("git", args, { cwd: repo.dir, encoding: "utf8" }).trim(),
    app,
    async installation() {
      const { data } = await app().apps.createInstallationAccessToken({
        installation_id: INSTALLATION_ID,
      });
      return new Octokit({ baseUrl, auth: data.token });
    },
    async dispose() {
      await double.close();
      repo.dispose();
    },
  };
}
