/**
 * The machine-readable form of a plan (`berth plan --format json`): what
 * each action does to which object, without the objects themselves, so
 * that config contents and full specs stay out of the output.
 */
import type { Finding } from "../manifest/finding.js";
import type { AccessUrl } from "../render/types.js";
import type { FieldChange, Plan, PlanAction } from "./types.js";

export interface ActionSummary {
  type: PlanAction["type"];
  kind: PlanAction["kind"];
  name: string;
  /** Fields that an update changes, as the text plan shows them. */
  changes?: FieldChange[];
  restartsTasks?: boolean;
}

export interface EnvironmentPlanSummary {
  environment: string;
  /** False when the environment is being destroyed. */
  desired: boolean;
  specHash?: string;
  access: AccessUrl[];
  actions: ActionSummary[];
  findings: Finding[];
}

/** Summarises `plan` for JSON output. */
export function summarisePlan(plan: Plan): EnvironmentPlanSummary[] {
  return plan.environments.map((env) => ({
    environment: env.environment,
    desired: env.desired !== undefined,
    ...(env.desired && { specHash: env.desired.specHash }),
    access: env.desired?.access ?? [],
    actions: env.actions.map(summariseAction),
    findings: env.findings,
  }));
}

function summariseAction(action: PlanAction): ActionSummary {
  const summary: ActionSummary = {
    type: action.type,
    kind: action.kind,
    name: action.name,
  };
  if (action.type === "update") {
    summary.changes = action.changes;
    summary.restartsTasks = action.restartsTasks;
  }
  return summary;
}
