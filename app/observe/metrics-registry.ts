/**
 * The one Prometheus registry of a Berth process. Every metric Berth
 * exposes is registered here, and `/metrics` serves exactly this registry,
 * so a library that uses prom-client's global registry cannot leak into it.
 */
import { Registry, collectDefaultMetrics } from "prom-client";

/** Berth's metrics, served by `/metrics`. */
export const metricsRegistry = new Registry();

let processMetrics = false;

/**
 * Adds Node.js process metrics (memory, event loop lag, open handles) to
 * the registry. Called by long-running servers only; calling it again does
 * nothing.
 */
export function enableProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics({ register: metricsRegistry, prefix: "berth_" });
}
