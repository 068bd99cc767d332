/**
 * Entry point of the auth service in the gateway's image (bundled into
 * one file when the image is built). Reads the routes from the mounted
 * config and each environment's access token from its mounted secret;
 * a change of either restarts this service, never nginx.
 */
import { existsSync, readFileSync } from "node:fs";
import { tokenPolicy } from "./access-policy.js";
import { startAuthServer, type RouteTable } from "./auth-server.js";
import { TokenIndex } from "./token-index.js";

const ROUTES_FILE = process.env.BERTH_ROUTES_FILE ?? "/etc/berth/routes.json";
const SECRETS_DIR = process.env.BERTH_SECRETS_DIR ?? "/run/secrets";

function readTokens(routes: RouteTable): Map<string, string> {
  const tokens = new Map<string, string>();
  for (const environment of Object.keys(routes)) {
    const file = `${SECRETS_DIR}/${environment}_access-token`;
    if (existsSync(file)) {
      tokens.set(environment, readFileSync(file, "utf8").trim());
    }
  }
  return tokens;
}

function log(message: string, fields: Record<string, unknown>) {
  const line = { time: Date.now(), msg: message, ...fields };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

const routes = existsSync(ROUTES_FILE)
  ? (JSON.parse(readFileSync(ROUTES_FILE, "utf8")) as RouteTable)
  : {};
const tokens = readTokens(routes);
const port = Number(process.env.BERTH_AUTH_PORT ?? 8081);
const server = await startAuthServer(
  {
    domain: process.env.BERTH_GATEWAY_DOMAIN ?? "localhost",
    routes,
    tokens: new TokenIndex(tokens),
    policy: tokenPolicy,
  },
  port,
);
log("auth endpoint listening", {
  port,
  environments: Object.keys(routes).length,
  tokens: tokens.size,
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
