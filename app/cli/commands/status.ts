/** `berth status [ENV...] [--json]`: live state, URLs, commit, expiry. */
import type { Command } from "commander";
import { stdoutOutput } from "../output.js";
import { createSwarm } from "../engine-session.js";
import { readEnvironmentStatus } from "../../engine/environment-status.js";
import { formatStatus } from "../format-status.js";

export function registerStatus(program: Command): void {
  program
    .command("status")
    .description("show live environments with their URLs and expiry")
    .argument("[env...]", "environments to show (default: all)")
    .option("--json", "print JSON")
    .action(async (envs: string[], options: { json?: boolean }) => {
      const statuses = await readEnvironmentStatus(createSwarm(), envs);
      if (options.json) {
        stdoutOutput.json(statuses);
        return;
      }
      if (statuses.length === 0) {
        stdoutOutput.line("no environments are running");
        return;
      }
      for (const line of formatStatus(statuses)) stdoutOutput.line(line);
    });
}
