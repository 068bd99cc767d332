/**
 * `berth watch --branch BRANCH`: the local GitOps mode. Applies each new
 * commit of the branch until interrupted (Ctrl-C or SIGTERM finish the
 * current apply first).
 */
import type { Command } from "commander";
import { resolve } from "node:path";
import { commandLogger, createSwarm } from "../engine-session.js";
import { globalOptions } from "../snapshot-options.js";
import { watchBranch } from "../../engine/watch-branch.js";
import { recordApplyResults } from "../../audit/record-audit.js";
import { localUser } from "../../audit/local-user.js";

interface WatchCommandOptions {
  branch: string;
  interval: number;
}

export function registerWatch(program: Command): void {
  program
    .command("watch")
    .description("apply each new commit of a branch of a local repository")
    .requiredOption("--branch <branch>", "branch to follow, e.g. main")
    .option(
      "--interval <seconds>",
      "how often to look for a new commit",
      (v) => Math.max(1, Number(v) || 5),
      5,
    )
    .action(async (options: WatchCommandOptions, command: Command) => {
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      const log = commandLogger("watch");
      const who = localUser();
      await watchBranch({
        repoDir: resolve(globalOptions(command).repo),
        branch: options.branch,
        intervalMs: options.interval * 1000,
        swarm: createSwarm(),
        log,
        signal: controller.signal,
        onApplied: (commit, results) =>
          void recordApplyResults(results, { who, via: "watch", commit }, log),
      });
    });
}
