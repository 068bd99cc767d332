/**
 * Serves `/metrics` (Prometheus), `/dashboard` (the page) and
 * `/dashboard/data.json` (the page's data). The handler fits both
 * `http.createServer` and Probot's `addHandler`: it answers the paths it
 * knows and returns false for any other, so the host can go on. It does
 * no authentication: mount it behind the gateway's, or bind it to
 * localhost as `berth dashboard` does.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../log.js";
import type { SwarmClient } from "../swarm/swarm-client.js";
import { auditLogPath } from "../audit/audit-log.js";
import { enableProcessMetrics, metricsRegistry } from "./metrics-registry.js";
import { observeCluster } from "./cluster-metrics.js";
import { observeAuditLog } from "./audit-metrics.js";
import { readClusterView, sharedReads } from "./cluster-view.js";
import { loadDashboard, type DashboardSources } from "./load-dashboard.js";
import { renderDashboardPage } from "./render-dashboard.js";
import "./engine-metrics.js";
import "./app-metrics.js";

export interface ObservabilityOptions {
  swarm: SwarmClient;
  log: Logger;
  /** The audit trail to show; default `$BERTH_STATE_DIR/audit.jsonl`. */
  auditLog?: string;
  /** Web address of the environments repository, for commit links. */
  repositoryUrl?: string;
  /** How long one cluster read serves later requests; default 3 s. */
  shareReadsMs?: number;
}

/** Answers a request it knows and resolves true; else resolves false. */
export type ObservabilityHandler = (
  req: IncomingMessage,
  res: ServerResponse,
) => Promise<boolean>;

type Route = (res: ServerResponse, sources: DashboardSources) => Promise<void>;

const ROUTES: Record<string, Route> = {
  "/metrics": serveMetrics,
  "/dashboard": servePage,
  "/dashboard/data.json": serveData,
};

/** Creates the handler; also starts process and cluster metrics. */
export function createObservabilityRouter(
  options: ObservabilityOptions,
): ObservabilityHandler {
  const readCluster = sharedReads(
    () => readClusterView(options.swarm),
    options.shareReadsMs ?? 3_000,
  );
  const auditLog = options.auditLog ?? auditLogPath();
  const sources: DashboardSources = {
    readCluster,
    auditLog,
    log: options.log,
    ...(options.repositoryUrl && { repositoryUrl: options.repositoryUrl }),
  };
  enableProcessMetrics();
  observeCluster(readCluster, options.log);
  observeAuditLog(auditLog, options.log);

  return async (req, res) => {
    const path = new URL(req.url ?? "/", "http://berth.invalid").pathname;
    const route = ROUTES[path];
    if (!route && path !== "/dashboard/") return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return true;
    }
    if (!route) {
      res.writeHead(301, { Location: "../dashboard" }).end();
      return true;
    }
    await answer(route, res, sources);
    return true;
  };
}

async function answer(
  route: Route,
  res: ServerResponse,
  sources: DashboardSources,
): Promise<void> {
  try {
    await route(res, sources);
  } catch (err) {
    sources.log.error({ err }, "observability request failed");
    if (!res.headersSent) {
      res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    }
    res.end("internal error; see Berth's log\n");
  }
}

async function serveMetrics(res: ServerResponse): Promise<void> {
  const body = await metricsRegistry.metrics();
  res.writeHead(200, {
    "Content-Type": metricsRegistry.contentType,
    "Cache-Control": "no-store",
  });
  res.end(body);
}

async function servePage(
  res: ServerResponse,
  sources: DashboardSources,
): Promise<void> {
  const nonce = randomBytes(16).toString("base64");
  const page = renderDashboardPage(await loadDashboard(sources), { nonce });
  res.writeHead(200, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy":
      `default-src 'none'; style-src 'nonce-${nonce}'; ` +
      `script-src 'nonce-${nonce}'; img-src data:; base-uri 'none'; ` +
      "form-action 'none'; frame-ancestors 'none'",
    ...SAFE_HEADERS,
  });
  res.end(page);
}

async function serveData(
  res: ServerResponse,
  sources: DashboardSources,
): Promise<void> {
  const model = await loadDashboard(sources);
  res.writeHead(200, {
    "Content-Type": "application/json; charset=utf-8",
    ...SAFE_HEADERS,
  });
  res.end(`${JSON.stringify(model, null, 2)}\n`);
}

const SAFE_HEADERS = {
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};
