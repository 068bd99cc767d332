/**
 * The gateway's authentication endpoint. Nginx asks `GET /auth` before
 * every request (`auth_request`) and forwards `?berth_token=` links to
 * `GET /login`. Both read the target from the original `Host` and URI,
 * so nginx never decides which environment a request is for.
 *
 * - `/auth`: 200 with `X-Berth-Upstream: service:port` when the caller
 *   may open the target, 401 without valid credentials, 403 when the
 *   credentials belong to someone who may not.
 * - `/login`: checks the token in the query, sets it as a cookie scoped
 *   to the environment's host (or path), and redirects to the same URL
 *   without the token, so it stays out of history and server logs.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { ServerResponse } from "node:http";
import type { AccessPolicy, GatewayUser } from "./access-policy.js";
import { routeTarget, type RouteTarget } from "./route-target.js";
import type { TokenIndex } from "./token-index.js";

/** Upstreams by environment, then by access port: `service:port`. */
export type RouteTable = Record<string, Record<string, string>>;

export interface AuthOptions {
  domain: string;
  routes: RouteTable;
  tokens: TokenIndex;
  policy: AccessPolicy;
}

type Decision =
  | { status: 200; target: RouteTarget; upstream: string; token?: string }
  | { status: 401 | 403; reason: string };

/** The request handler of the auth endpoint. */
export function authHandler(options: AuthOptions) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? "/").split("?")[0];
    if (path !== "/auth" && path !== "/login") {
      reply(response, 404, "not found");
      return;
    }
    const decision = await decide(request, options, path === "/login");
    if (decision.status !== 200) {
      reply(response, decision.status, decision.reason);
      return;
    }
    if (path === "/login") {
      login(request, response, decision);
      return;
    }
    // The environment gets the request's cookies without Berth's own, so
    // no application ever sees an access token, its own or another's.
    response.writeHead(200, {
      "x-berth-upstream": decision.upstream,
      "x-berth-cookie": withoutAccessCookies(header(request, "cookie")),
    });
    response.end();
  };
}

/** Starts the auth endpoint on `port`; resolves once it listens. */
export function startAuthServer(
  options: AuthOptions,
  port: number,
): Promise<Server> {
  const handler = authHandler(options);
  const server = createServer((request, response) => {
    handler(request, response).catch(() => reply(response, 500, "error"));
  });
  return new Promise((done) => server.listen(port, () => done(server)));
}

async function decide(
  request: IncomingMessage,
  options: AuthOptions,
  fromQuery: boolean,
): Promise<Decision> {
  const host = (header(request, "host") ?? "").replace(/:\d+$/, "");
  const uri = header(request, "x-original-uri") ?? "";
  const target = routeTarget(host, uri, options.domain);
  if (!target) return { status: 403, reason: "no such route" };

  const token = fromQuery ? queryToken(uri) : presentedToken(request, target);
  if (!token) return { status: 401, reason: "sign in: no access token" };
  const owner = options.tokens.environmentOf(token);
  if (!owner) return { status: 401, reason: "sign in: unknown token" };

  // TODO: sign users in with the GitHub App's OAuth flow (a session
  // cookie for the whole domain) and authenticate them here as
  // { kind: "github" }; until then only access tokens open environments.
  const user: GatewayUser = { kind: "token", environment: owner };
  const upstream = options.routes[target.environment]?.[target.port];
  if (!(await options.policy.allows(user, target.environment)) || !upstream) {
    return { status: 403, reason: "this token does not open this route" };
  }
  return { status: 200, target, upstream, token };
}

function presentedToken(
  request: IncomingMessage,
  target: RouteTarget,
): string | undefined {
  const authorization = header(request, "authorization") ?? "";
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (bearer) return bearer[1];
  return cookieValue(header(request, "cookie"), cookieName(target));
}

function login(
  request: IncomingMessage,
  response: ServerResponse,
  decision: Extract<Decision, { status: 200 }>,
) {
  const uri = header(request, "x-original-uri") ?? "/";
  const secure = header(request, "x-forwarded-proto") === "https";
  const { target } = decision;
  const path =
    target.form === "path" ? `/e/${target.environment}/${target.port}/` : "/";
  const cookie = [
    `${cookieName(target)}=${decision.token}`,
    `Path=${path}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
  response.writeHead(302, {
    location: withoutToken(uri),
    "set-cookie": cookie,
    "cache-control": "no-store",
  });
  response.end();
}

/** Cookie of one environment, so path-form cookies never mix. */
export function cookieName(target: RouteTarget): string {
  return `berth_${target.environment}`;
}

/** `uri` without its `berth_token` query parameter. */
export function withoutToken(uri: string): string {
  const [path, query = ""] = splitOnce(uri, "?");
  const kept = query
    .split("&")
    .filter((part) => part && !part.startsWith("berth_token="));
  return kept.length ? `${path}?${kept.join("&")}` : path;
}

function queryToken(uri: string): string | undefined {
  const [, query = ""] = splitOnce(uri, "?");
  const value = new URLSearchParams(query).get("berth_token");
  return value || undefined;
}

/** The cookies of a Cookie header, less those of Berth's gateway. */
export function withoutAccessCookies(cookies: string | undefined): string {
  return (cookies ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "" && !part.startsWith("berth_"))
    .join("; ");
}

function cookieValue(cookies: string | undefined, name: string) {
  for (const part of (cookies ?? "").split(";")) {
    const [key, value] = splitOnce(part.trim(), "=");
    if (key === name && value) return value;
  }
  return undefined;
}

function splitOnce(text: string, separator: string): [string, string?] {
  const at = text.indexOf(separator);
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + 1)];
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function reply(response: ServerResponse, status: number, text: string) {
  response.writeHead(status, { "content-type": "text/plain" });
  response.end(`${text}\n`);
}
