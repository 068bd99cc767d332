/**
 * The gateway on a real Swarm with real nginx: who gets through to an
 * environment, and which requests are refused before any environment
 * sees them. Tokens never appear in plan, apply or status output.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireDocker } from "../../support/docker.js";
import type { TestRepo } from "../../support/git-repo.js";
import { gatewayGet } from "../../support/gateway-client.js";
import {
  HTTP_PORT,
  berth,
  gatewayRepo,
  manifest,
  removeGatewayAndEnvironments,
  tokenOf,
} from "../../support/gateway-setup.js";

const A = "gw-acc-a";
const B = "gw-acc-b";
const PATH_A = `/e/${A}/http/`;
const LOCAL = { Host: `localhost:${HTTP_PORT}` };

let repo: TestRepo;
let tokenA: string;
let tokenB: string;
let outputs = "";

const get = (path: string, headers: Record<string, string> = {}) =>
  gatewayGet(HTTP_PORT, path, { ...LOCAL, ...headers });
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  requireDocker();
  await removeGatewayAndEnvironments(A, B);
  repo = gatewayRepo();
  repo.write(`environments/${A}.yaml`, manifest(A));
  repo.write(`environments/${B}.yaml`, manifest(B));
  repo.commit("two environments");

  await berth(["gateway", "up"]);
  const apply = await berth(["--repo", repo.dir, "apply"]);
  tokenA = await tokenOf(A);
  tokenB = await tokenOf(B);
  const plan = await berth(["--repo", repo.dir, "plan"]);
  const status = await berth(["status", "--json"]);
  outputs = [apply, plan, status]
    .map((run) => run.stdout + run.stderr)
    .join("\n");
});

afterAll(async () => {
  await removeGatewayAndEnvironments(A, B);
  repo?.dispose();
});

describe("who gets through the gateway", () => {
  it("prints the gateway's URLs instead of host ports", async () => {
    const run = await berth(["status", A]);

    expect(run.stdout).toContain(`http://localhost:${HTTP_PORT}${PATH_A}`);
    expect(run.stdout).not.toContain("127.0.0.1:2");
  });

  it("answers 401 without credentials", async () => {
    expect((await get(PATH_A)).status).toBe(401);
    expect((await get(PATH_A, bearer("not-a-token"))).status).toBe(401);
  });

  it("answers 403 to the token of another environment", async () => {
    expect((await get(PATH_A, bearer(tokenB))).status).toBe(403);
  });

  it("lets the environment's token through to the environment", async () => {
    const response = await get(`${PATH_A}some/page?q=1`, bearer(tokenA));

    expect(response.status).toBe(200);
    expect(response.body).toBe(`hello-${A} /some/page?q=1\n`);
  });

  it("routes the host form <port>--<environment>.<domain>", async () => {
    const host = { Host: `http--${A}.localhost:${HTTP_PORT}` };
    const response = await get("/x", { ...host, ...bearer(tokenA) });

    expect(response.status).toBe(200);
    expect(response.body).toBe(`hello-${A} /x\n`);
    expect((await get("/x", { ...host, ...bearer(tokenB) })).status).toBe(403);
  });

  it("trades ?berth_token= once for a cookie of the route", async () => {
    const login = await get(`${PATH_A}?a=1&berth_token=${tokenA}`);

    expect(login.status).toBe(302);
    expect(login.headers.location).toBe(`${PATH_A}?a=1`);
    const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
    expect(String(login.headers["set-cookie"])).toContain(`Path=${PATH_A}`);
    const page = await get(`${PATH_A}?a=1`, { Cookie: cookie });
    expect(page.status).toBe(200);
    const other = await get(`/e/${B}/http/`, { Cookie: cookie });
    expect(other.status).toBe(401);
  });

  it("refuses a token of another environment in the query", async () => {
    const login = await get(`${PATH_A}?berth_token=${tokenB}`);

    expect(login.status).toBe(403);
  });
});

describe("requests refused before any environment sees them", () => {
  it("refuses unknown and spoofed Host headers", async () => {
    const token = bearer(tokenA);
    for (const Host of ["evil.example", "127.0.0.1", `x.${A}.localhost`]) {
      expect((await get(PATH_A, { ...token, Host })).status).toBe(421);
    }
  });

  it("refuses dot segments, plain or encoded", async () => {
    const paths = [
      `${PATH_A}../../${B}/http/`,
      `${PATH_A}%2e%2e/%2E%2E/${B}/http/`,
      `${PATH_A}..%2f..%2f${B}/http/`,
      `${PATH_A}./`,
    ];
    for (const path of paths) {
      expect((await get(path, bearer(tokenA))).status, path).toBe(400);
    }
  });

  it("refuses oversized headers", async () => {
    const big = { "X-Big": "a".repeat(9000), ...bearer(tokenA) };

    expect((await get(PATH_A, big)).status).toBe(400);
  });

  it("answers 404 outside the routes of the bare domain", async () => {
    expect((await get("/", bearer(tokenA))).status).toBe(404);
    expect((await get("/e/", bearer(tokenA))).status).toBe(404);
  });

  it("never prints a token in plan, apply or status output", () => {
    expect(outputs).not.toContain(tokenA);
    expect(outputs).not.toContain(tokenB);
  });
});
