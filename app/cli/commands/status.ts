/**
 * `berth status [ENV...] [--json] [--show-token ENV]`: live state, URLs,
 * commit, expiry; with `--show-token`, the access token of one
 * environment, which is printed nowhere else.
 */
import type { Command } from "commander";
import { stdoutOutput } from "../output.js";
import { createSwarm } from "../engine-session.js";
import { readEnvironmentStatus } from "../../engine/environment-status.js";
import { readAccessToken } from "../../gateway/read-access-token.js";
import { formatStatus } from "../format-status.js";

interface StatusOptions {
  json?: boolean;
  showToken?: string;
}

export function registerStatus(program: Command): void {
  program
    .command("status")
    .description("show live environments with their URLs and expiry")
    .argument("[env...]", "environments to show (default: all)")
    .option("--json", "print JSON")
    .option(
      "--show-token <env>",
      "also print the gateway access token of one environment",
    )
    .action(async (envs: string[], options: StatusOptions) => {
      const swarm = createSwarm();
      const statuses = await readEnvironmentStatus(swarm, envs);
      const env = options.showToken;
      const token = env ? await readAccessToken(swarm, env) : undefined;
      if (options.json) {
        stdoutOutput.json(
          statuses.map((s) =>
            s.name === env ? { ...s, accessToken: token } : s,
          ),
        );
        return;
      }
      if (statuses.length === 0) {
        stdoutOutput.line(
          envs.length > 0
            ? `no environment named ${envs.join(", ")} is running`
            : "no environments are running",
        );
      }
      for (const line of formatStatus(statuses)) stdoutOutput.line(line);
      if (env && token) {
        stdoutOutput.line(`${env} access token: ${token}`);
        stdoutOutput.line(
          "  send it as Authorization: Bearer TOKEN, or open a URL once " +
            "with ?berth_token=TOKEN",
        );
      }
    });
}
