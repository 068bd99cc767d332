import { describe, expect, it } from "vitest";
import { mergeHistory } from "../../../app/audit/history-entries.js";
import { formatHistoryTable } from "../../../app/audit/format-history.js";
import type { AuditEvent } from "../../../app/audit/audit-event.js";
import type { ManifestCommit } from "../../../app/audit/manifest-history.js";

const commits: ManifestCommit[] = [
  {
    commit: "b".repeat(40),
    time: "2026-12-04T08:00:00.000Z",
    author: "Alice",
    subject: "Give payments-alice more memory",
  },
  {
    commit: "a".repeat(40),
    time: "2026-12-01T09:00:00.000Z",
    author: "Alice",
    subject: "Add payments-alice",
  },
];

function event(time: string, result: string, extra = {}): AuditEvent {
  return {
    time,
    action: "apply",
    who: "ci",
    via: "github",
    environment: "payments-alice",
    result,
    ...extra,
  };
}

describe("mergeHistory", () => {
  it("merges commits and the environment's events, newest first", () => {
    const events = [
      event("2026-12-01T09:05:00.000Z", "created", {
        commit: "a".repeat(40),
        durationMs: 61_000,
      }),
      event("2026-12-04T08:03:00.000Z", "updated", { pullRequest: 7 }),
      { ...event("2026-12-02T00:00:00.000Z", "created"), environment: "x" },
    ];

    const entries = mergeHistory("payments-alice", commits, events);

    expect(entries.map((e) => [e.kind, e.summary])).toEqual([
      ["apply", "updated"],
      ["commit", "Give payments-alice more memory"],
      ["apply", "created"],
      ["commit", "Add payments-alice"],
    ]);
    expect(entries[0]).toMatchObject({ pullRequest: 7, via: "github" });
    expect(entries[2]).toMatchObject({ durationMs: 61_000 });
  });

  it("puts an action before the commit of the same instant", () => {
    const same = event(commits[0]!.time, "updated");

    const entries = mergeHistory("payments-alice", commits, [same]);

    expect(entries.slice(0, 2).map((e) => e.kind)).toEqual(["apply", "commit"]);
  });

  it("shows a failure's first line and a command as given", () => {
    const entries = mergeHistory(
      "payments-alice",
      [],
      [
        event("2026-12-04T08:00:00.000Z", "failed", {
          error: "build failed\nstep 3",
        }),
        {
          ...event("2026-12-04T09:00:00.000Z", "done"),
          action: "command",
          command: "/berth extend payments-alice 3d",
        },
      ],
    );

    expect(entries.map((e) => e.summary)).toEqual([
      "/berth extend payments-alice 3d: done",
      "failed: build failed",
    ]);
  });
});

describe("formatHistoryTable", () => {
  it("prints aligned columns with short commits and durations", () => {
    const entries = mergeHistory("payments-alice", commits.slice(1), [
      event("2026-12-01T09:05:00.000Z", "created", {
        commit: "a".repeat(40),
        durationMs: 61_000,
      }),
    ]);

    const lines = formatHistoryTable(entries);

    expect(lines[0]).toMatch(
      /^TIME\s+EVENT\s+WHO\s+COMMIT\s+PR\s+TOOK\s+DETAIL$/,
    );
    expect(lines[1]).toContain("2026-12-01 09:05:00Z");
    expect(lines[1]).toContain("apply (github)");
    expect(lines[1]).toContain("61.0 s");
    expect(lines[2]).toContain("aaaaaaaaaaaa  ");
    expect(lines[2]).toContain("Add payments-alice");
  });

  it("replaces control characters that would drive the terminal", () => {
    const entries = mergeHistory(
      "payments-alice",
      [],
      [event("2026-12-01T09:05:00.000Z", "created", { who: "ev\u001b[2Jil" })],
    );

    expect(formatHistoryTable(entries)[1]).toContain("ev?[2Jil");
  });
});
