import { Octokit } from "@octokit/rest";
import { ProbotOctokit } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateAppKeyPair, signAppJwt } from "../../support/github/index.js";
import {
  APP_ID,
  INSTALLATION_ID,
  type Scenario,
  OWNER,
  REPO,
  startScenario,
} from "./scenario.js";
import { expectValid } from "./valid.js";

const repo = { owner: OWNER, repo: REPO };
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

function statusOf(p: Promise<unknown>) {
  return p.then(
    () => 200,
    (e: { status: number }) => e.status,
  );
}

describe("the GitHub double's authentication and failures", () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await startScenario();
  });
  afterEach(async () => {
    await s.dispose();
  });

  const client = (auth?: string) =>
    new Octokit({ baseUrl: `${s.double.url}/api/v3`, auth, log: quiet });

  it("issues tokens to the app's JWT and answers /app", async () => {
    const token = await s
      .app()
      .apps.createInstallationAccessToken({ installation_id: INSTALLATION_ID });
    const app = await s.app().apps.getAuthenticated();
    const installation = await s.app().apps.getRepoInstallation(repo);

    expectValid("POST", token);
    expectValid("GET", app);
    expectValid("GET", installation);
    expect(app.data?.id).toBe(APP_ID);
    expect(installation.data.id).toBe(INSTALLATION_ID);
    expect(s.double.problems).toEqual([]);
  });

  it("refuses bad JWTs and wrong credentials", async () => {
    const stranger = generateAppKeyPair();
    const tokenCall = (auth?: string) =>
      statusOf(
        client(auth).apps.createInstallationAccessToken({
          installation_id: INSTALLATION_ID,
        }),
      );

    const wrongKey = await tokenCall(signAppJwt(APP_ID, stranger.privateKey));
    const wrongIss = await tokenCall(signAppJwt(APP_ID + 1, s.keys.privateKey));
    const expired = await tokenCall(
      signAppJwt(APP_ID, s.keys.privateKey, { iat: 1, exp: 100 }),
    );
    const none = await tokenCall();
    const jwtForRepo = await statusOf(
      client(signAppJwt(APP_ID, s.keys.privateKey)).pulls.list(repo),
    );
    const madeUp = await statusOf(client("ghs_madeup").pulls.list(repo));

    expect([wrongKey, wrongIss, expired, none, jwtForRepo, madeUp]).toEqual([
      401, 401, 401, 401, 401, 401,
    ]);
    expect(s.double.problems.join("\n")).toMatch(/signature does not match/);
    expect(s.double.problems.join("\n")).toMatch(/iss is 4243/);
    expect(s.double.problems.join("\n")).toMatch(/has expired/);
  });

  it("refuses a token past its expiry", async () => {
    s.double.tokenLifetimeMs = 50;
    const gh = await s.installation();
    await new Promise((done) => setTimeout(done, 100));

    const status = await statusOf(gh.pulls.list(repo));

    expect(status).toBe(401);
    expect(s.double.problems.join()).toMatch(/installation token expired/);
  });

  it("records unknown and unimplemented endpoints as problems", async () => {
    const gh = await s.installation();

    const unknown = await statusOf(
      gh.request("GET /repos/{owner}/{repo}/no-such-thing", repo),
    );
    const unimplemented = await statusOf(gh.repos.listForks(repo));

    expect(unknown).toBe(404);
    expect(unimplemented).toBe(501);
    expect(s.double.problems).toEqual([
      expect.stringMatching(/no-such-thing is not a GitHub endpoint/),
      expect.stringMatching(/repos\/list-forks is not implemented/),
    ]);
  });

  it("fails the next requests as GitHub's rate limits do", async () => {
    const gh = await s.installation();
    const raw = (kind: "secondary-rate-limit" | "429" | "500") => {
      s.double.failNext(1, kind);
      return gh.pulls.list(repo).catch(
        (e: {
          status: number;
          response?: {
            headers: Record<string, string>;
            data: { message: string };
          };
        }) => e,
      );
    };

    const secondary = (await raw("secondary-rate-limit")) as {
      status: number;
      response: { headers: Record<string, string>; data: { message: string } };
    };
    const tooMany = (await raw("429")) as { status: number };
    const broken = (await raw("500")) as { status: number };
    const fine = await gh.pulls.list(repo);

    expect(secondary.status).toBe(403);
    expect(secondary.response.headers["retry-after"]).toBe("1");
    expect(secondary.response.data.message).toMatch(/secondary rate limit/);
    expect(tooMany.status).toBe(429);
    expect(broken.status).toBe(500);
    expect(fine.status).toBe(200);
  });

  it("lets Probot's Octokit retry a secondary limit, read config", async () => {
    const octokit = new ProbotOctokit({
      baseUrl: `${s.double.url}/api/v3`,
      auth: {
        appId: APP_ID,
        privateKey: s.keys.privateKey,
        installationId: INSTALLATION_ID,
      },
      log: quiet,
    });
    s.double.failNext(1, "secondary-rate-limit");

    const pulls = await octokit.rest.pulls.list(repo);
    const config = await octokit.config.get({
      ...repo,
      path: ".github/berth.yml",
    });

    expect(pulls.status).toBe(200);
    expect(s.double.requests.map((r) => r.status)).toContain(403);
    expect(config.config).toEqual({ requireApproval: true });
    expect(s.double.problems).toEqual([]);
  });
});
