/**
 * Brings the gateway's auth service in line with the environments that
 * run: each environment joined to the gateway gets an access token (a
 * Swarm secret created once and kept across applies), the auth service
 * mounts every token and the current route table, and tokens of
 * environments that no longer run are removed. Run after every apply and
 * destroy, and by `berth gateway up`; idempotent.
 */
import { randomBytes } from "node:crypto";
import { withEnvironmentLock } from "../applier/environment-lock.js";
import { DEFAULT_WAIT, waitHealthy } from "../applier/wait-healthy.js";
import type { Logger } from "../log.js";
import { canonicalJson } from "../render/canonical-json.js";
import { environmentLabels } from "../render/labels.js";
import { COMPONENT_LABEL, ENVIRONMENT_LABEL } from "../swarm/labels.js";
import type { LiveConfig, LiveState } from "../swarm/live-types.js";
import type { SwarmClient } from "../swarm/swarm-client.js";
import { routeTable } from "./access-routes.js";
import type { RouteTable } from "./auth-server.js";
import {
  ensureDataObject,
  ensureService,
  hashedName,
} from "./gateway-objects.js";
import { gatewayName } from "./gateway-settings.js";
import { authServiceSpec, gatewayLabels, secretFile } from "./gateway-specs.js";

const TOKEN_COMPONENT = "access-token";

/** Name of the secret holding the access token of `environment`. */
export function tokenSecretName(environment: string): string {
  return `${environment}_access-token`;
}

/** Syncs tokens and the auth service of gateway `name` (default from env). */
export async function syncGatewayAccess(
  swarm: SwarmClient,
  log: Logger,
  name = gatewayName(),
): Promise<void> {
  await withEnvironmentLock(`.gateway-${name}`, async () => {
    const live = await swarm.readLiveState();
    const routes = routeTable(live.services);
    const tokens = await ensureTokens(swarm, live, routes, log);
    const gateway = await swarm.inspectService(name);
    if (gateway) {
      const image = gateway.spec.TaskTemplate.ContainerSpec.Image;
      await ensureAuthService(swarm, { name, image, routes, tokens }, log);
    }
    await removeStaleTokens(swarm, live, routes, log);
  });
}

async function ensureTokens(
  swarm: SwarmClient,
  live: LiveState,
  routes: RouteTable,
  log: Logger,
): Promise<LiveConfig[]> {
  const tokens: LiveConfig[] = [];
  for (const environment of Object.keys(routes).sort()) {
    const name = tokenSecretName(environment);
    const found = live.secrets.find((secret) => secret.name === name);
    if (found) {
      tokens.push(found);
      continue;
    }
    const labels = {
      ...environmentLabels(environment),
      [COMPONENT_LABEL]: TOKEN_COMPONENT,
    };
    const data = randomBytes(32).toString("base64url");
    const id = await swarm.createSecret({
      name,
      labels,
      data: Buffer.from(data).toString("base64"),
    });
    log.info({ environment }, "access token created");
    tokens.push({ id, name, labels });
  }
  return tokens;
}

interface AuthState {
  name: string;
  image: string;
  routes: RouteTable;
  tokens: LiveConfig[];
}

async function ensureAuthService(
  swarm: SwarmClient,
  state: AuthState,
  log: Logger,
): Promise<void> {
  const text = canonicalJson(state.routes);
  const routesConfig = hashedName(`${state.name}_routes`, text);
  await ensureDataObject(swarm, "configs", {
    name: routesConfig,
    data: Buffer.from(text),
    labels: gatewayLabels(),
  });
  const spec = authServiceSpec({
    name: state.name,
    domain: await gatewayDomain(swarm, state.name),
    image: state.image,
    routesConfig,
    tokens: state.tokens.map((t) => secretFile(t.name, t.id, t.name)),
  });
  const done = await ensureService(swarm, spec);
  if (done !== "unchanged") {
    log.info(
      { service: spec.Name, environments: Object.keys(state.routes).length },
      "auth service changed; waiting for it",
    );
    await waitHealthy(
      swarm,
      {
        replicas: new Map([[spec.Name, 1]]),
        updated: new Set(done === "updated" ? [spec.Name] : []),
      },
      DEFAULT_WAIT,
    );
  }
  await removeOldRoutes(swarm, state.name, routesConfig);
}

async function gatewayDomain(swarm: SwarmClient, name: string) {
  const gateway = await swarm.inspectService(name);
  const env = gateway?.spec.TaskTemplate.ContainerSpec.Env ?? [];
  const entry = env.find((item) => item.startsWith("BERTH_GATEWAY_DOMAIN="));
  return entry?.slice("BERTH_GATEWAY_DOMAIN=".length) ?? "localhost";
}

/** Route configs the auth service no longer uses; in use ones stay. */
async function removeOldRoutes(
  swarm: SwarmClient,
  name: string,
  current: string,
): Promise<void> {
  const configs = await swarm.listDataObjects("configs", [COMPONENT_LABEL]);
  for (const config of configs) {
    if (!config.name.startsWith(`${name}_routes-`)) continue;
    if (config.name === current) continue;
    await swarm.removeConfig(config.id).catch(() => undefined);
  }
}

async function removeStaleTokens(
  swarm: SwarmClient,
  live: LiveState,
  routes: RouteTable,
  log: Logger,
): Promise<void> {
  const running = new Set(
    live.services.map((s) => s.spec.Labels?.[ENVIRONMENT_LABEL]),
  );
  for (const secret of live.secrets) {
    if (secret.labels[COMPONENT_LABEL] !== TOKEN_COMPONENT) continue;
    const environment = secret.labels[ENVIRONMENT_LABEL];
    if (!environment || routes[environment] || running.has(environment)) {
      continue;
    }
    await swarm.removeSecret(secret.id);
    log.info({ environment }, "access token removed");
  }
}
