import { describe, expect, it } from "vitest";
import { countChanges } from "../../../app/planner/count-changes.js";
import {
  formatPlanMarkdown,
  formatPlanText,
} from "../../../app/planner/format-plan.js";
import { planAll } from "../../../app/planner/plan.js";
import type { Plan } from "../../../app/planner/types.js";
import {
  ENV,
  desiredEnvironment,
  desiredWorkspaceSpec,
  emptyLiveState,
  liveState,
} from "./fixtures.js";

function changedPlan(): Plan {
  const spec = desiredWorkspaceSpec();
  spec.TaskTemplate.ContainerSpec.Env = ["LOG_LEVEL=info"];
  const created = desiredEnvironment(
    { ...desiredWorkspaceSpec(), Name: "t-swarm-new_workspace" },
    "t-swarm-new",
  );

  const plan = planAll([desiredEnvironment(spec), created], liveState());
  plan.environments[1]?.findings.push({
    file: "environments/new.yaml",
    line: 1,
    column: 1,
    path: "spec.access.ports",
    message: "port 22 is reserved",
    severity: "warning",
  });
  return plan;
}

describe("formatPlanText", () => {
  it("lists changes with signs and ends with a summary", () => {
    const text = formatPlanText(changedPlan(), { color: false });

    expect(text).toContain(`~ update service ${ENV}_workspace (Env)`);
    expect(text).toContain("Env: APP_PORT=3000, LOG_LEVEL=debug");
    expect(text).toContain("+ create service t-swarm-new_workspace");
    expect(text).toContain("! environments/new.yaml:1:1: warning:");
    expect(text).toContain("    3 unchanged");
    expect(text.split("\n").at(-1)).toBe(
      "Plan: 4 to create, 1 to update, 0 to remove.",
    );
    expect(text).not.toContain("\u001b[");
  });

  it("shows a refused environment without actions or counts", () => {
    const plan = changedPlan();
    plan.environments[1]!.findings[0]!.severity = "error";

    const text = formatPlanText(plan, { color: false });

    expect(text).toContain("Environment t-swarm-new (refused)");
    expect(text).toContain("refused: nothing is applied until");
    expect(text).not.toContain("+ create service t-swarm-new_workspace");
    expect(text.split("\n").at(-1)).toBe(
      "Plan: 0 to create, 1 to update, 0 to remove.",
    );
  });

  it("never prints config contents", () => {
    const text = formatPlanText(changedPlan(), { color: false });
    const markdown = formatPlanMarkdown(changedPlan());
    const data = Buffer.from("welcome\n").toString("base64");

    expect(text).not.toContain(data);
    expect(markdown).not.toContain(data);
  });

  it("marks a labels-only update as not restarting", () => {
    const spec = desiredWorkspaceSpec();
    spec.Labels = { ...spec.Labels, "dev.berth.spec-hash": "new" };
    const plan = planAll([desiredEnvironment(spec)], liveState());

    expect(formatPlanText(plan, { color: false })).toContain(
      `~ update service ${ENV}_workspace (Labels; no restart)`,
    );
  });

  it("colours signs when asked", () => {
    const text = formatPlanText(changedPlan(), { color: true });

    expect(text).toContain("\u001b[32m  + create");
    expect(text).toContain("\u001b[33m  ~ update");
  });

  it("says when nothing changes", () => {
    const plan = planAll([desiredEnvironment()], liveState());

    expect(countChanges(plan)).toBe(0);
    expect(formatPlanText(plan, { color: false })).toContain("no changes");
  });

  it("marks destroyed environments", () => {
    const plan = planAll([], liveState(), { destroy: [ENV] });
    const text = formatPlanText(plan, { color: false });

    expect(text).toContain(`Environment ${ENV} (destroy)`);
    expect(text).toContain(`- remove service ${ENV}_workspace`);
    expect(text).toContain("Plan: 0 to create, 0 to update, 3 to remove.");
  });
});

describe("formatPlanMarkdown", () => {
  it("gives each environment a collapsible section", () => {
    const markdown = formatPlanMarkdown(changedPlan());

    expect(markdown).toMatch(/^\*\*Plan: 4 to create, 1 to update/);
    expect(markdown).toContain(
      `<details open>\n<summary><b>${ENV}</b>: 0 to create, 1 to update`,
    );
    expect(markdown).toContain("```diff\n~ update service");
    expect(markdown).toContain("+ create network t-swarm-new_default");
  });

  it("closes sections without changes and fences backticks safely", () => {
    const plan = planAll([desiredEnvironment()], emptyLiveState());
    plan.environments[0]?.findings.push({
      file: "a.yaml",
      line: 2,
      column: 3,
      path: "",
      message: "bad ```value```",
      severity: "warning",
    });
    const quiet = planAll([desiredEnvironment()], liveState());

    expect(formatPlanMarkdown(plan)).toContain("````diff");
    expect(formatPlanMarkdown(quiet)).toContain("<details>\n");
  });
});
