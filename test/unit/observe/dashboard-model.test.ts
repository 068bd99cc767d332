import { describe, expect, it } from "vitest";
import { buildDashboardModel } from "../../../app/observe/dashboard-model.js";
import type { AuditEvent } from "../../../app/audit/audit-event.js";
import { clusterView, HOSTILE } from "./cluster-fixture.js";

const now = new Date("2026-12-04T08:00:00.000Z");
const repositoryUrl = "https://github.com/acme/environments";

const events: AuditEvent[] = [
  {
    time: "2026-12-04T07:00:00.000Z",
    action: "apply",
    who: "alice",
    via: "cli",
    environment: "payments-alice",
    commit: "0123456789abcdef",
    result: "created",
    durationMs: 80_000,
  },
  {
    time: "2026-12-04T07:30:00.000Z",
    action: "apply",
    who: "bob",
    via: "github",
    environment: "payments-alice",
    pullRequest: 42,
    result: "failed",
    durationMs: 5_000,
    error: "push to https://bot:ghs_abcdefghijklmnopqrstuvwxyz@x.test\nmore",
  },
];

function model() {
  return buildDashboardModel({
    now,
    cluster: clusterView,
    events,
    app: { queueDepth: 2 },
    repositoryUrl,
  });
}

describe("buildDashboardModel", () => {
  it("lists each environment with state, links, age and expiry", () => {
    const row = model().environments.find((e) => e.name === "payments-alice");

    expect(row).toMatchObject({
      state: "healthy",
      template: "node-postgres",
      team: "payments",
      createdAt: "2026-12-01T10:00:00.000Z",
      expiresAt: "2026-12-10T10:00:00.000Z",
      commit: {
        text: "0123456789ab",
        href: `${repositoryUrl}/commit/${"0123456789abcdef".repeat(2)}01234567`,
      },
      pullRequest: { text: "#42", href: `${repositoryUrl}/pull/42` },
    });
    expect(row?.owners).toEqual([
      { text: "alice", href: "https://github.com/alice" },
      {
        text: "acme/payments",
        href: "https://github.com/orgs/acme/teams/payments",
      },
    ]);
    expect(row?.access).toEqual([
      {
        name: "app",
        text: "http://127.0.0.1:24493/",
        href: "http://127.0.0.1:24493/",
      },
    ]);
  });

  it("links nothing made of hostile labels", () => {
    const row = model().environments.find((e) => e.name === "evil");

    expect(row?.owners.every((owner) => owner.href === undefined)).toBe(true);
    expect(row?.commit?.href).toBeUndefined();
    expect(row?.team).toBe("none");
    expect(row?.template).toBe(HOSTILE);
  });

  it("counts states, and sums reservations per node", () => {
    const { counts, nodes } = model();

    expect(counts).toEqual({
      healthy: 2,
      starting: 0,
      degraded: 0,
      stopped: 0,
      total: 2,
    });
    expect(nodes).toEqual([
      expect.objectContaining({
        hostname: "node-1",
        tasks: 2,
        cpus: { reserved: 1.5, total: 4 },
        memoryBytes: { reserved: 3 * 1024 ** 3, total: 8 * 1024 ** 3 },
      }),
    ]);
  });

  it("shows recent applies newest first, with secrets removed", () => {
    const { recentApplies } = model();

    expect(recentApplies.map((a) => a.result)).toEqual(["failed", "created"]);
    expect(recentApplies[0]?.error).toBe("push to https://[redacted]@x.test");
    expect(JSON.stringify(model())).not.toContain("ghs_");
  });

  it("charts only applies that created an environment", () => {
    expect(model().provisioning).toEqual([
      {
        start: "2026-12-04T07:00:00.000Z",
        count: 1,
        p50Ms: 80_000,
        p95Ms: 80_000,
      },
    ]);
  });

  it("still has a model when the cluster cannot be read", () => {
    const failed = buildDashboardModel({
      now,
      clusterError: "cannot reach unix:///var/run/docker.sock",
      events,
      app: {},
    });

    expect(failed.clusterError).toContain("docker.sock");
    expect(failed.environments).toEqual([]);
    expect(failed.recentApplies).toHaveLength(2);
    expect(failed.recentApplies[1]?.commit).toEqual({ text: "0123456789ab" });
  });
});
