/**
 * `berth apply [ENV...]`: applies the plan, waits until every environment
 * is healthy, and prints its access URLs. Exit 0 when all are healthy.
 */
import type { Command } from "commander";
import { Option } from "commander";
import { stdoutOutput } from "../output.js";
import { withRepositoryPlan } from "../engine-session.js";
import { createProgress } from "../progress.js";
import { formatFinding } from "../../manifest/finding.js";
import { formatPlanText } from "../../planner/format-plan.js";
import { applyRepositoryPlan } from "../../engine/apply-repository.js";
import { readEnvironmentStatus } from "../../engine/environment-status.js";
import { printResults } from "../print-results.js";
import { withInterrupt } from "../interrupt.js";
import { recordApplyResults } from "../../audit/record-audit.js";
import { localUser } from "../../audit/local-user.js";

interface ApplyOptions {
  prune: boolean;
  concurrency: number;
}

export function registerApply(program: Command): void {
  program
    .command("apply")
    .description("apply manifests, wait until healthy, print access URLs")
    .argument("[env...]", "environments to apply (default: all)")
    .option("--prune", "also destroy environments that have no manifest")
    .addOption(
      new Option("--concurrency <n>", "environments applied at once")
        .argParser((v) => Math.max(1, Number.parseInt(v, 10) || 1))
        .default(4),
    )
    .action(async (envs: string[], options: ApplyOptions, command: Command) => {
      process.exitCode = await withRepositoryPlan(
        command,
        envs,
        options,
        async ({ plan, findings, live }, swarm, log, commit) => {
          const out = stdoutOutput;
          for (const finding of findings) out.line(formatFinding(finding));
          out.line(formatPlanText(plan, { color: process.stdout.isTTY }));

          const progress = createProgress();
          const results = await withInterrupt((signal) =>
            applyRepositoryPlan(
              plan,
              {
                swarm,
                log,
                live,
                signal,
                onBuildOutput: (ref, line) => progress.buildLine(ref, line),
                onWaitProgress: (env, running, wanted) =>
                  progress.waiting(env, running, wanted),
              },
              { concurrency: options.concurrency },
            ),
          );
          progress.stop();
          const origin = { who: localUser(), via: "cli" as const, commit };
          await recordApplyResults(results, origin, log);

          const statuses = await readEnvironmentStatus(
            swarm,
            results.map((r) => r.environment),
          );
          printResults(out, results, statuses);
          const failed = results.some((r) => r.outcome === "failed");
          return failed || findings.some((f) => f.severity === "error") ? 1 : 0;
        },
      );
    });
}
