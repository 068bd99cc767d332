/**
 * The auth endpoint over real HTTP, as nginx calls it: the original Host
 * and URI in headers, credentials as a bearer token, a cookie or, on
 * `/login`, in the query.
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenPolicy } from "../../../app/gateway/access-policy.js";
import {
  startAuthServer,
  withoutToken,
} from "../../../app/gateway/auth-server.js";
import { TokenIndex } from "../../../app/gateway/token-index.js";
import { gatewayGet } from "../../support/gateway-client.js";

let server: Server;
let port: number;

beforeAll(async () => {
  server = await startAuthServer(
    {
      domain: "localhost",
      routes: {
        a: { app: "a_web:8080" },
        b: { app: "b_web:3000" },
      },
      tokens: new TokenIndex(
        new Map([
          ["a", "token-a"],
          ["b", "token-b"],
        ]),
      ),
      policy: tokenPolicy,
    },
    0,
  );
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server?.close();
});

function ask(path: string, uri: string, headers: Record<string, string>) {
  const sent = { host: "localhost", "x-original-uri": uri, ...headers };
  return gatewayGet(port, path, sent);
}

describe("GET /auth", () => {
  it("answers 401 without credentials or with an unknown token", async () => {
    expect((await ask("/auth", "/e/a/app/", {})).status).toBe(401);
    const unknown = { authorization: "Bearer nope" };
    expect((await ask("/auth", "/e/a/app/", unknown)).status).toBe(401);
  });

  it("answers 403 to another environment's token", async () => {
    const other = { authorization: "Bearer token-b" };

    expect((await ask("/auth", "/e/a/app/", other)).status).toBe(403);
  });

  it("names the upstream for the environment's own token", async () => {
    const own = { authorization: "Bearer token-a" };
    const response = await ask("/auth", "/e/a/app/x", own);

    expect(response.status).toBe(200);
    expect(response.headers["x-berth-upstream"]).toBe("a_web:8080");
  });

  it("takes the token from the environment's cookie", async () => {
    const cookie = { cookie: "other=1; berth_a=token-a" };
    const wrong = { cookie: "berth_b=token-a" };

    expect((await ask("/auth", "/e/a/app/", cookie)).status).toBe(200);
    expect((await ask("/auth", "/e/a/app/", wrong)).status).toBe(401);
  });

  it("answers 403 for unknown ports and hosts", async () => {
    const own = { authorization: "Bearer token-a" };

    expect((await ask("/auth", "/e/a/db/", own)).status).toBe(403);
    const host = { ...own, host: "evil.example" };
    expect((await ask("/auth", "/e/a/app/", host)).status).toBe(403);
  });
});

describe("GET /login", () => {
  it("sets the cookie and redirects without the token", async () => {
    const response = await ask("/login", "/e/a/app/p?x=1&berth_token=token-a", {
      "x-forwarded-proto": "https",
    });

    expect(response.status).toBe(302);
    expect(response.headers.location).toBe("/e/a/app/p?x=1");
    expect(response.headers["set-cookie"]).toEqual([
      "berth_a=token-a; Path=/e/a/app/; HttpOnly; SameSite=Lax; Secure",
    ]);
  });

  it("refuses a token that does not open the route", async () => {
    const response = await ask("/login", "/e/a/app/?berth_token=token-b", {});

    expect(response.status).toBe(403);
    expect(response.headers["set-cookie"]).toBeUndefined();
  });
});

describe("withoutToken", () => {
  it("drops only berth_token", () => {
    expect(withoutToken("/p?berth_token=x")).toBe("/p");
    expect(withoutToken("/p?a=1&berth_token=x&b=2")).toBe("/p?a=1&b=2");
  });
});
