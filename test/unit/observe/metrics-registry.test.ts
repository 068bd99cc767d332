import { describe, expect, it } from "vitest";
import { metricsRegistry } from "../../../app/observe/metrics-registry.js";
import {
  observeApply,
  observeMergeToHealthy,
  observePlan,
} from "../../../app/observe/engine-metrics.js";
import {
  appFigures,
  recordDelivery,
  setCommitsBehind,
  setQueueDepth,
} from "../../../app/observe/app-metrics.js";
import { sharedReads } from "../../../app/observe/cluster-view.js";
import { metricSample } from "../../support/metric-sample.js";

describe("the metrics registry", () => {
  it("counts what the engine and the app report", async () => {
    recordDelivery("pull_request", "processed");
    recordDelivery("Weird Event!", "processed");
    setQueueDepth(3);
    setCommitsBehind(2);
    observeMergeToHealthy(new Date(Date.now() - 95_000));
    await observeApply(async () => ({
      environment: "payments-alice",
      outcome: "created",
      changes: 4,
      durationMs: 42_000,
    }));
    const refused = { findings: [{ severity: "error" as const }] };
    await observePlan(async () => refused as never);

    const text = await metricsRegistry.metrics();

    const count = (name: string, labels?: Record<string, string>) =>
      metricSample(text, name, labels);
    const delivery = (event: string) =>
      count("berth_webhook_deliveries_total", { event, outcome: "processed" });
    expect(delivery("pull_request")).toBe(1);
    expect(delivery("other")).toBe(1);
    expect(count("berth_queue_depth")).toBe(3);
    expect(count("berth_commits_behind_default_branch")).toBe(2);
    expect(count("berth_applies_total", { outcome: "created" })).toBe(1);
    expect(
      count("berth_apply_duration_seconds_bucket", {
        le: "60",
        outcome: "created",
      }),
    ).toBe(1);
    expect(count("berth_plans_total", { result: "refused" })).toBe(1);
    expect(count("berth_merge_to_healthy_seconds_bucket", { le: "120" })).toBe(
      1,
    );
    expect(await appFigures()).toEqual({ queueDepth: 3, commitsBehind: 2 });
  });

  it("counts an apply that throws as failed, by reason", async () => {
    const broken = Object.assign(new Error("no engine"), {
      name: "DockerUnavailableError",
    });

    await expect(observeApply(() => Promise.reject(broken))).rejects.toBe(
      broken,
    );

    const text = await metricsRegistry.metrics();
    expect(
      metricSample(text, "berth_applies_total", { outcome: "failed" }),
    ).toBe(1);
    expect(
      metricSample(text, "berth_apply_failures_total", {
        reason: "docker-unavailable",
      }),
    ).toBe(1);
  });
});

describe("sharedReads", () => {
  it("shares a read for a while, and forgets failures", async () => {
    let clock = 0;
    let calls = 0;
    let fail = true;
    const read = sharedReads(
      async () => {
        calls += 1;
        if (fail) throw new Error("down");
        return calls;
      },
      1_000,
      () => clock,
    );

    await expect(read()).rejects.toThrow("down");
    fail = false;
    expect(await read()).toBe(2);
    clock = 999;
    expect(await read()).toBe(2);
    clock = 2_000;
    expect(await read()).toBe(3);
  });
});
