/**
 * `berth plan [ENV...]`: what apply would change, object by object.
 * Exit 0 when nothing would change, 2 when something would, 1 on errors.
 */
import type { Command } from "commander";
import { summarisePlan } from "../../planner/plan-summary.js";
import { Option } from "commander";
import { stdoutOutput } from "../output.js";
import { withRepositoryPlan } from "../engine-session.js";
import { formatFinding, hasErrors } from "../../manifest/finding.js";
import {
  formatPlanMarkdown,
  formatPlanText,
} from "../../planner/format-plan.js";
import { countChanges } from "../../engine/count-changes.js";

interface PlanOptions {
  prune: boolean;
  format: "text" | "markdown" | "json";
}

export function registerPlan(program: Command): void {
  program
    .command("plan")
    .description("show what apply would change (exit 0 none, 2 changes)")
    .argument("[env...]", "environments to plan (default: all)")
    .option("--prune", "also plan destroying environments without manifest")
    .addOption(
      new Option("--format <format>", "output format")
        .choices(["text", "markdown", "json"])
        .default("text"),
    )
    .action(async (envs: string[], options: PlanOptions, command: Command) => {
      process.exitCode = await withRepositoryPlan(
        command,
        envs,
        options,
        async ({ plan, findings }) => {
          const out = stdoutOutput;
          for (const finding of findings) out.line(formatFinding(finding));
          if (options.format === "json")
            out.json({
              environments: summarisePlan(plan),
              findings,
            });
          else if (options.format === "markdown") {
            out.line(formatPlanMarkdown(plan));
          } else {
            out.line(formatPlanText(plan, { color: process.stdout.isTTY }));
          }
          if (hasErrors(findings)) return 1;
          return countChanges(plan) > 0 ? 2 : 0;
        },
      );
    });
}
