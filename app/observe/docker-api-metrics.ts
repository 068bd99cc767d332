/**
 * Latency of the requests Berth sends to the Docker Engine, by method and
 * path template. Streaming requests (builds) count until the Engine starts
 * answering.
 */
import { Histogram } from "prom-client";
import { metricsRegistry } from "./metrics-registry.js";
import { dockerPathTemplate } from "./docker-api-path.js";

const requestSeconds = new Histogram({
  name: "berth_docker_api_request_duration_seconds",
  help: "Docker Engine API requests, until the answer starts",
  labelNames: ["method", "path", "outcome"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});

/**
 * Starts timing one Engine request; call the returned function with the
 * request's error (or nothing) when the answer arrives.
 */
export function startDockerRequestTimer(
  method: string,
  path: string,
): (error?: unknown) => void {
  const stop = requestSeconds.startTimer({
    method: method.toUpperCase(),
    path: dockerPathTemplate(path),
  });
  return (error) => {
    stop({ outcome: error ? "error" : "ok" });
  };
}
