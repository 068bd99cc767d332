/**
 * Turns plan actions into the lines that the terminal and Markdown
 * formats share: a sign, a sentence, and one detail line per change.
 * Config contents are never part of them.
 */
import type { EnvironmentPlan, PlanAction } from "./types.js";

export type Sign = "+" | "~" | "-" | "=";

export interface ActionLine {
  sign: Sign;
  text: string;
  details: string[];
}

/** Describes one action, e.g. `+ create service env_web`. */
export function describeAction(action: PlanAction): ActionLine {
  switch (action.type) {
    case "build":
      return line("+", `build image ${action.name}`);
    case "create":
      return line("+", `create ${action.kind} ${action.name}`);
    case "remove":
      return line("-", `remove ${action.kind} ${action.name}`);
    case "unchanged":
      return line("=", `unchanged ${action.kind} ${action.name}`);
    case "update":
      return describeUpdate(action);
  }
}

/** The lines of an environment's changes, unchanged objects left out. */
export function describeChanges(plan: EnvironmentPlan): ActionLine[] {
  return plan.actions
    .filter((action) => action.type !== "unchanged")
    .map(describeAction);
}

/** Number of objects an environment plan leaves as they are. */
export function countUnchanged(plan: EnvironmentPlan): number {
  return plan.actions.filter((action) => action.type === "unchanged").length;
}

function describeUpdate(
  action: Extract<PlanAction, { type: "update" }>,
): ActionLine {
  const fields = [...new Set(action.changes.map((c) => shortField(c.field)))];
  const restart = action.restartsTasks ? "" : "; no restart";
  const details = action.changes.map(
    (change) =>
      `${shortField(change.field)}: ${change.before} -> ${change.after}`,
  );

  return {
    sign: "~",
    text: `update service ${action.name} (${fields.join(", ")}${restart})`,
    details,
  };
}

/** `TaskTemplate.ContainerSpec.Env` reads as `Env`. */
function shortField(field: string): string {
  return field.replace(/^TaskTemplate\.(ContainerSpec\.)?/, "");
}

function line(sign: Sign, text: string): ActionLine {
  return { sign, text, details: [] };
}
