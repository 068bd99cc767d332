/**
 * What the end-to-end tests of the GitHub App share: an environments
 * repository with branches, the GitHub double serving it, the real
 * `berth serve` receiving signed webhooks, and polling helpers.
 */
import { execFileSync } from "node:child_process";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { fileURLToPath } from "node:url";
import { removeEnvironments, requireDocker } from "../../support/docker.js";
import { createTestRepo, type TestRepo } from "../../support/git-repo.js";
import {
  deliver,
  generateAppKeyPair,
  startBerthServe,
  startGitHubDouble,
  type GitHubDouble,
  type RunningServe,
} from "../../support/github/index.js";

const FIXTURE = fileURLToPath(new URL("../../fixtures/repo", import.meta.url));
export const SECRET = "webhook-secret-for-tests";

export interface Kit {
  repo: TestRepo;
  double: GitHubDouble;
  app: RunningServe;
  git(...args: string[]): string;
  /** Creates `branch` from main, writes files (null removes), commits. */
  branch(branch: string, files: Record<string, string | null>): string;
  /** Adds a commit to an existing branch. */
  commitTo(branch: string, files: Record<string, string | null>): string;
  send(event: string, payload: object, delivery?: string): Promise<void>;
  stop(): Promise<void>;
}

/** A manifest of the fixture's `web` template. */
export function manifest(name: string, greeting = `hello-${name}`): string {
  return [
    "apiVersion: berth.dev/v1",
    "kind: Environment",
    "metadata:",
    `  name: ${name}`,
    '  owners: ["alice"]',
    "spec:",
    "  template: web",
    `  parameters: { greeting: ${greeting} }`,
    "  resources: { cpus: 0.1, memory: 64Mi }",
    "  env: { LOG_LEVEL: debug }",
    "  expiresAfter: 7d",
    "  access:",
    "    ports: [{ service: web, port: 8080, name: http }]",
    "",
  ].join("\n");
}

/** Starts repository, double and app. */
export async function startKit(): Promise<Kit> {
  const repo = createTestRepo(FIXTURE);
  repo.remove("environments/t-eng-alpha.yaml");
  repo.write("environments/.keep", "");
  repo.commit("templates only");
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: repo.dir, encoding: "utf8" }).trim();
  const keys = generateAppKeyPair();
  const double = await startGitHubDouble({
    owner: "acme",
    repo: "envs",
    gitDir: repo.dir,
    appId: 1,
    installationId: 2,
    publicKey: keys.publicKey,
  });
  const app = await startBerthServe({
    double,
    privateKey: keys.privateKey,
    webhookSecret: SECRET,
    env: { BERTH_WAIT_TIMEOUT_MS: "120000" },
  });
  appOutput = () => app.output();
  const write = (files: Record<string, string | null>) => {
    for (const [path, text] of Object.entries(files)) {
      if (text === null) repo.remove(path);
      else repo.write(path, text);
    }
  };
  return {
    repo,
    double,
    app,
    git,
    branch(branch, files) {
      git("checkout", "-q", "-b", branch, "main");
      write(files);
      const sha = repo.commit(`change on ${branch}`);
      git("checkout", "-q", "main");
      return sha;
    },
    commitTo(branch, files) {
      git("checkout", "-q", branch);
      write(files);
      const sha = repo.commit(`more on ${branch}`);
      git("checkout", "-q", "main");
      return sha;
    },
    async send(event, payload, delivery) {
      const result = await deliver(
        app.webhookUrl,
        SECRET,
        event,
        payload,
        delivery,
      );
      if (result.status >= 300) {
        throw new Error(`delivery answered ${result.status}: ${result.body}`);
      }
    },
    async stop() {
      await app.stop();
      await double.close();
      repo.dispose();
    },
  };
}

/** Where a timed-out wait finds what the app logged. */
let appOutput: () => string = () => "";

/** Polls `probe` until it returns a value, or fails after `ms`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false,
  ms = Number(process.env.GH_TEST_WAIT_MS ?? 100_000),
): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const value = probe();
    if (value) return value;
    await new Promise((done) => setTimeout(done, 200));
  }
  const tail = appOutput().split("\n").slice(-40).join("\n");
  throw new Error(`timed out waiting for ${what}; berth serve said:\n${tail}`);
}

/**
 * Gives a test file one kit: the environments `envs` removed before and
 * after, the kit handed to `use` once started, and a check after each
 * test that the double saw no request GitHub would refuse.
 */
export function useKit(
  envs: readonly string[],
  use: (kit: Kit) => void | Promise<void>,
): void {
  let kit: Kit | undefined;
  beforeAll(async () => {
    requireDocker();
    removeEnvironments(...envs);
    kit = await startKit();
    await use(kit);
  });
  afterEach(() => {
    expect(kit?.double.problems).toEqual([]);
  });
  afterAll(async () => {
    removeEnvironments(...envs);
    await kit?.stop();
  });
}
