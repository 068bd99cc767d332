/**
 * What the engine does, counted where it happens: plans, applies and why
 * they fail, how long applies and image builds take, and the time from a
 * merge until its environments are healthy.
 */
import { Counter, Histogram } from "prom-client";
import type { Finding } from "../manifest/finding.js";
import type { ApplyResult } from "../applier/apply-environment.js";
import { metricsRegistry } from "./metrics-registry.js";
import { failureReason } from "./failure-reason.js";

const registers = [metricsRegistry];
const LONG_BUCKETS = [1, 2, 5, 10, 20, 30, 60, 90, 120, 180, 300, 600, 1200];

const plans = new Counter({
  name: "berth_plans_total",
  help: "Repository plans, by result: planned, refused (findings), error",
  labelNames: ["result"] as const,
  registers,
});

const planSeconds = new Histogram({
  name: "berth_plan_duration_seconds",
  help: "Time to plan a repository snapshot against the live cluster",
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
  registers,
});

const applies = new Counter({
  name: "berth_applies_total",
  help: "Environment applies, by outcome",
  labelNames: ["outcome"] as const,
  registers,
});

const applyFailures = new Counter({
  name: "berth_apply_failures_total",
  help: "Failed environment applies, by reason",
  labelNames: ["reason"] as const,
  registers,
});

const applySeconds = new Histogram({
  name: "berth_apply_duration_seconds",
  help: "Time to apply one environment until healthy, by outcome",
  labelNames: ["outcome"] as const,
  buckets: [0.1, 0.5, ...LONG_BUCKETS],
  registers,
});

const buildSeconds = new Histogram({
  name: "berth_image_build_duration_seconds",
  help: "Time to build one template image, by result",
  labelNames: ["result"] as const,
  buckets: LONG_BUCKETS,
  registers,
});

const mergeToHealthy = new Histogram({
  name: "berth_merge_to_healthy_seconds",
  help: "Time from a merge until its environments are healthy",
  buckets: [10, 30, 60, 90, 120, 180, 300, 600, 1200, 1800, 3600],
  registers,
});

/** Times one repository plan and counts it by result. */
export async function observePlan<T extends { findings: Finding[] }>(
  plan: () => Promise<T>,
): Promise<T> {
  const stop = planSeconds.startTimer();
  try {
    const planned = await plan();
    const refused = planned.findings.some((f) => f.severity === "error");
    plans.inc({ result: refused ? "refused" : "planned" });
    return planned;
  } catch (error) {
    plans.inc({ result: "error" });
    throw error;
  } finally {
    stop();
  }
}

/**
 * Counts and times one environment apply. An apply that throws instead
 * of returning a failed result is counted as failed, with its reason.
 */
export async function observeApply(
  apply: () => Promise<ApplyResult>,
): Promise<ApplyResult> {
  const started = performance.now();
  try {
    const result = await apply();
    applies.inc({ outcome: result.outcome });
    applySeconds.observe({ outcome: result.outcome }, result.durationMs / 1e3);
    return result;
  } catch (error) {
    applies.inc({ outcome: "failed" });
    applySeconds.observe(
      { outcome: "failed" },
      (performance.now() - started) / 1e3,
    );
    recordApplyFailure(error);
    throw error;
  }
}

/** Counts a failed apply by the reason of `error`. */
export function recordApplyFailure(error: unknown): void {
  applyFailures.inc({ reason: failureReason(error) });
}

/** Counts an apply refused before any change (manifest findings). */
export function recordApplyRefused(): void {
  applyFailures.inc({ reason: "refused" });
}

/** Times one image build and records whether it succeeded. */
export async function timeImageBuild<T>(build: () => Promise<T>) {
  const stop = buildSeconds.startTimer();
  try {
    const built = await build();
    stop({ result: "built" });
    return built;
  } catch (error) {
    stop({ result: "failed" });
    throw error;
  }
}

/**
 * Records how long a merged change took to become healthy on the cluster.
 * The GitHub App calls it once the merge commit's applies have finished.
 */
export function observeMergeToHealthy(
  mergedAt: Date,
  healthyAt: Date = new Date(),
): void {
  const seconds = (healthyAt.getTime() - mergedAt.getTime()) / 1e3;
  if (Number.isFinite(seconds) && seconds >= 0) {
    mergeToHealthy.observe(seconds);
  }
}
