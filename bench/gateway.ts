/**
 * Requests per second through the gateway (nginx, with an auth request
 * before each one) against the same requests straight to the
 * environment's host port, on one environment of the `web` template. The
 * direct figure is taken first, before the gateway exists; then the
 * gateway starts, the environment is applied again and is routed
 * through it. Everything is removed afterwards.
 */
import { destroyEnvironment } from "../app/applier/destroy-environment.js";
import { readEnvironmentStatus } from "../app/engine/environment-status.js";
import { ensureGateway } from "../app/gateway/ensure-gateway.js";
import { readAccessToken } from "../app/gateway/read-access-token.js";
import { removeGateway } from "../app/gateway/remove-gateway.js";
import { syncGatewayAccess } from "../app/gateway/sync-access.js";
import type { SwarmClient } from "../app/swarm/swarm-client.js";
import { applySnapshot } from "./berth-apply.js";
import { benchLog } from "./bench-logger.js";
import { webManifest } from "./bench-manifests.js";
import type { BenchRepo } from "./bench-repo.js";
import { requestRate, type RateTarget } from "./request-rate.js";
import type { Row } from "./table.js";

const ENV = "bn-gw";
const GATEWAY = "bn-gateway";
const HTTP_PORT = 18380;
const PARALLEL = 16;

/** Measures `count` requests each way; returns the rows. */
export async function benchGateway(
  swarm: SwarmClient,
  repo: BenchRepo,
  count: number,
): Promise<Row[]> {
  const before = process.env.BERTH_GATEWAY_NAME;
  process.env.BERTH_GATEWAY_NAME = GATEWAY;
  const snapshot = await repo.commit([webManifest(ENV)]);
  try {
    await applySnapshot(swarm, snapshot, [ENV], 1);
    const direct = await requestRate(
      await directTarget(swarm),
      count,
      PARALLEL,
    );
    await startGateway(swarm);
    await applySnapshot(swarm, snapshot, [ENV], 1);
    const routed = await requestRate(
      await gatewayTarget(swarm),
      count,
      PARALLEL,
    );
    return rows(direct, routed, count);
  } finally {
    await destroyEnvironment(swarm, ENV, { purgeData: true, log: benchLog });
    await syncGatewayAccess(swarm, benchLog, GATEWAY);
    await removeGateway(swarm, GATEWAY, benchLog);
    await snapshot.dispose();
    if (before === undefined) delete process.env.BERTH_GATEWAY_NAME;
    else process.env.BERTH_GATEWAY_NAME = before;
  }
}

async function startGateway(swarm: SwarmClient): Promise<void> {
  const settings = {
    name: GATEWAY,
    httpPort: HTTP_PORT,
    httpsPort: HTTP_PORT + 363,
    domain: "localhost",
    tls: false,
  };
  await ensureGateway(swarm, settings, benchLog);
}

async function directTarget(swarm: SwarmClient): Promise<RateTarget> {
  const [status] = await readEnvironmentStatus(swarm, [ENV]);
  const url = new URL(status?.access[0]?.url ?? "http://invalid/");
  return { port: Number(url.port), path: "/", headers: {} };
}

async function gatewayTarget(swarm: SwarmClient): Promise<RateTarget> {
  const token = await readAccessToken(swarm, ENV, GATEWAY);
  return {
    port: HTTP_PORT,
    path: `/e/${ENV}/http/`,
    headers: {
      Host: `localhost:${HTTP_PORT}`,
      Authorization: `Bearer ${token}`,
    },
  };
}

function rows(direct: number, routed: number, count: number): Row[] {
  const ratio = routed / direct;
  const of = `${count} requests, ${PARALLEL} at a time`;
  return [
    {
      measure: `requests/s straight to host port (${of})`,
      value: rate(direct),
    },
    { measure: `requests/s through the gateway (${of})`, value: rate(routed) },
    {
      measure: "gateway ratio: through / straight",
      value: ratio.toFixed(2),
      target: ">= 0.5",
      met: ratio >= 0.5,
    },
  ];
}

function rate(perSecond: number): string {
  return `${Math.round(perSecond)} req/s`;
}
