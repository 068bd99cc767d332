import { describe, expect, it } from "vitest";
import { foreignEnvironments } from "../../../app/engine/foreign-environments.js";
import type { ManifestFile } from "../../../app/manifest/types.js";
import type { LiveService } from "../../../app/swarm/live-types.js";
import { emptyLiveState } from "../planner/fixtures.js";

function service(env: string, commit: string): LiveService {
  const labels = {
    "dev.berth.environment": env,
    "dev.berth.commit": commit,
  };
  return {
    id: `id-${env}`,
    version: 1,
    name: `${env}_workspace`,
    spec: { Name: `${env}_workspace`, Labels: labels },
  } as unknown as LiveService;
}

function manifestOf(name: string): ManifestFile {
  return {
    file: `environments/${name}.yaml`,
    manifest: { metadata: { name } },
  } as unknown as ManifestFile;
}

describe("foreignEnvironments", () => {
  const live = {
    ...emptyLiveState(),
    services: [service("ours", "c1"), service("theirs", "x9")],
  };
  const history = new Set(["c1", "c2"]);

  it("warns about an environment applied from another history", () => {
    const [finding, ...rest] = foreignEnvironments(
      [manifestOf("ours"), manifestOf("theirs"), manifestOf("new")],
      live,
      history,
    );

    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      file: "environments/theirs.yaml",
      path: "metadata.name",
      severity: "warning",
    });
    expect(finding?.message).toContain("runs from commit x9");
  });
});
