import { describe, expect, it } from "vitest";
import {
  orphanEnvironments,
  pruneTargets,
} from "../../../app/engine/prune-targets.js";
import type { LiveService } from "../../../app/swarm/live-types.js";
import type { ManifestFile } from "../../../app/manifest/types.js";
import { emptyLiveState } from "../planner/fixtures.js";

function service(env: string, commit?: string): LiveService {
  const labels: Record<string, string> = { "dev.berth.environment": env };
  if (commit) labels["dev.berth.commit"] = commit;
  return {
    id: `id-${env}`,
    version: 1,
    name: `${env}_workspace`,
    spec: {
      Name: `${env}_workspace`,
      Labels: labels,
      TaskTemplate: { ContainerSpec: { Image: "busybox" } },
    },
  } as LiveService;
}

function manifestOf(name: string): ManifestFile {
  return { manifest: { metadata: { name } } } as unknown as ManifestFile;
}

describe("orphanEnvironments", () => {
  const live = {
    ...emptyLiveState(),
    services: [
      service("kept", "c1"),
      service("ours", "c2"),
      service("theirs", "x9"),
      service("unlabelled"),
    ],
  };

  it("lists every live environment without a manifest", () => {
    expect(orphanEnvironments(live, [manifestOf("kept")])).toEqual([
      "ours",
      "theirs",
      "unlabelled",
    ]);
  });

  it("keeps to environments applied from the repository's history", () => {
    const history = new Set(["c1", "c2", "c3"]);

    expect(orphanEnvironments(live, [manifestOf("kept")], history)).toEqual([
      "ours",
    ]);
  });
});

describe("pruneTargets", () => {
  const live = { ...emptyLiveState(), services: [service("gone", "c1")] };
  const broken = {
    file: "environments/gone.yaml",
    line: 1,
    column: 1,
    path: "",
    message: "the file is empty",
    severity: "error" as const,
  };

  it("destroys orphans when every manifest loads", () => {
    expect(pruneTargets(live, [], [])).toEqual({ destroy: ["gone"] });
  });

  it("destroys nothing while a manifest fails to load", () => {
    const targets = pruneTargets(live, [], [broken]);

    expect(targets.destroy).toEqual([]);
    expect(targets.held?.severity).toBe("warning");
    expect(targets.held?.message).toContain("not pruning gone");
  });

  it("is not held back by warnings", () => {
    const warning = { ...broken, severity: "warning" as const };

    expect(pruneTargets(live, [], [warning]).destroy).toEqual(["gone"]);
  });
});
