import { describe, expect, it } from "vitest";
import { planAll, planEnvironment } from "../../../app/planner/plan.js";
import { planVolumePurge } from "../../../app/planner/plan-purge.js";
import type { PlanAction } from "../../../app/planner/types.js";
import {
  ENV,
  LABELS,
  desiredEnvironment,
  desiredWorkspaceSpec,
  emptyLiveState,
  liveState,
  liveWorkspace,
} from "./fixtures.js";

const summary = (actions: PlanAction[]) =>
  actions.map((action) => `${action.type} ${action.kind} ${action.name}`);

function updateOf(actions: PlanAction[]) {
  const update = actions.find((action) => action.type === "update");
  if (update?.type !== "update") throw new Error("no update planned");
  return update;
}

describe("planEnvironment", () => {
  it("plans only unchanged when the desired state is already live", () => {
    const plan = planEnvironment(desiredEnvironment(), liveState(), ENV);

    expect(plan.actions.every((a) => a.type === "unchanged")).toBe(true);
    expect(summary(plan.actions)).toEqual([
      `unchanged network ${ENV}_default`,
      `unchanged volume ${ENV}_home`,
      `unchanged config ${ENV}_motd-1a2b3c4d`,
      `unchanged service ${ENV}_workspace`,
    ]);
  });

  it("updates with a task restart when Env changes", () => {
    const spec = desiredWorkspaceSpec();
    spec.TaskTemplate.ContainerSpec.Env = [
      "LOG_LEVEL=info",
      "APP_PORT=3000",
      "REPOSITORIES=https://github.com/acme/payments@main",
    ];

    const update = updateOf(
      planEnvironment(desiredEnvironment(spec), liveState(), ENV).actions,
    );

    expect(update.restartsTasks).toBe(true);
    expect(update.changes).toEqual([
      {
        field: "TaskTemplate.ContainerSpec.Env",
        before: "LOG_LEVEL=debug",
        after: "LOG_LEVEL=info",
      },
    ]);
  });

  it("rolls the service when a rebuilt image gets a new content hash", () => {
    const spec = desiredWorkspaceSpec();
    spec.TaskTemplate.ContainerSpec.Image = "berth/workspace:5e6f7a8b";

    const update = updateOf(
      planEnvironment(desiredEnvironment(spec), liveState(), ENV).actions,
    );

    expect(update.restartsTasks).toBe(true);
    expect(update.changes).toEqual([
      {
        field: "TaskTemplate.ContainerSpec.Image",
        before: "berth/busybox:latest",
        after: "berth/workspace:5e6f7a8b",
      },
    ]);
  });

  it("updates without a task restart when only labels change", () => {
    const spec = desiredWorkspaceSpec();
    spec.Labels = {
      ...spec.Labels,
      "dev.berth.spec-hash": "0000aaaa1111bbbb",
      "dev.berth.expires-after": "1209600",
    };

    const update = updateOf(
      planEnvironment(desiredEnvironment(spec), liveState(), ENV).actions,
    );

    expect(update.restartsTasks).toBe(false);
    expect(update.changes.map((change) => change.field)).toEqual(["Labels"]);
    expect(update.changes[0]?.after).toContain("expires-after=1209600");
  });

  it("ignores a new commit or pull request under an equal spec hash", () => {
    const spec = desiredWorkspaceSpec();
    spec.Labels = {
      ...spec.Labels,
      "dev.berth.commit": "ffffffffffffffffffffffffffffffffffffffff",
      "dev.berth.pull-request": "43",
    };

    const plan = planEnvironment(desiredEnvironment(spec), liveState(), ENV);

    expect(plan.actions.every((a) => a.type === "unchanged")).toBe(true);
  });

  it("creates everything of a new environment, images first", () => {
    const desired = desiredEnvironment();
    desired.images = [
      {
        ref: "berth/workspace:1a2b3c4d",
        contextDir: "/tmp/ctx",
        dockerfile: "Dockerfile",
        buildArgs: {},
      },
    ];

    const plan = planEnvironment(desired, emptyLiveState(), ENV, {
      presentImages: new Set(["berth/busybox:latest"]),
    });

    expect(summary(plan.actions)).toEqual([
      "build image berth/workspace:1a2b3c4d",
      `create network ${ENV}_default`,
      `create volume ${ENV}_home`,
      `create config ${ENV}_motd-1a2b3c4d`,
      `create service ${ENV}_workspace`,
    ]);
  });

  it("does not build an image the cluster holds", () => {
    const desired = desiredEnvironment();
    desired.images = [
      {
        ref: "berth/busybox",
        contextDir: "/x",
        dockerfile: "D",
        buildArgs: {},
      },
    ];

    const plan = planEnvironment(desired, liveState(), ENV, {
      presentImages: new Set(["berth/busybox:latest"]),
    });

    expect(summary(plan.actions)[0]).toBe("unchanged image berth/busybox");
  });

  it("switches to a changed config, then removes the old one", () => {
    const spec = desiredWorkspaceSpec();
    const reference = spec.TaskTemplate.ContainerSpec.Configs?.[0];
    if (reference) reference.ConfigName = `${ENV}_motd-9f8e7d6c`;
    const desired = desiredEnvironment(spec);
    desired.configs = [
      { name: `${ENV}_motd-9f8e7d6c`, data: "c2VjcmV0", labels: LABELS },
    ];

    const plan = planEnvironment(desired, liveState(), ENV);

    expect(summary(plan.actions).filter((s) => !s.startsWith("unch"))).toEqual([
      `create config ${ENV}_motd-9f8e7d6c`,
      `update service ${ENV}_workspace`,
      `remove config ${ENV}_motd-1a2b3c4d`,
    ]);
    expect(JSON.stringify(updateOf(plan.actions).changes)).not.toContain(
      "c2VjcmV0",
    );
  });

  it("removes services no longer desired before configs and networks", () => {
    const desired = desiredEnvironment();
    desired.services = [];
    desired.configs = [];
    desired.networks = [];

    const plan = planEnvironment(desired, liveState(), ENV);

    expect(summary(plan.actions)).toEqual([
      `unchanged volume ${ENV}_home`,
      `remove service ${ENV}_workspace`,
      `remove config ${ENV}_motd-1a2b3c4d`,
      `remove network ${ENV}_default`,
    ]);
  });

  it("destroys everything but volumes when nothing is desired", () => {
    const plan = planEnvironment(undefined, liveState(), ENV);

    expect(plan.desired).toBeUndefined();
    expect(summary(plan.actions)).toEqual([
      `remove service ${ENV}_workspace`,
      `remove config ${ENV}_motd-1a2b3c4d`,
      `remove network ${ENV}_default`,
    ]);
    expect(summary(planVolumePurge(ENV, liveState()))).toEqual([
      `remove volume ${ENV}_home`,
    ]);
  });

  it("leaves objects of other environments alone", () => {
    const other = liveWorkspace();
    other.Spec = { ...other.Spec, Name: "other_workspace" };
    other.Spec.Labels = { "dev.berth.environment": "other" };

    const plan = planEnvironment(
      desiredEnvironment(),
      liveState([liveWorkspace(), other]),
      ENV,
    );

    expect(summary(plan.actions).join("\n")).not.toContain("other");
  });
});

describe("planAll", () => {
  it("plans desired environments, then those to destroy", () => {
    const second = desiredEnvironment(
      { ...desiredWorkspaceSpec(), Name: "t-swarm-b_workspace" },
      "t-swarm-b",
    );

    const plan = planAll([desiredEnvironment(), second], liveState(), {
      destroy: ["t-swarm-gone"],
    });

    expect(plan.environments.map((env) => env.environment)).toEqual([
      ENV,
      "t-swarm-b",
      "t-swarm-gone",
    ]);
    expect(plan.environments[2]?.actions).toEqual([]);
  });

  it("refuses an environment both applied and destroyed", () => {
    expect(() =>
      planAll([desiredEnvironment()], liveState(), { destroy: [ENV] }),
    ).toThrow(/both applied and destroyed/);
  });
});
