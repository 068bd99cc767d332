/**
 * `berth destroy ENV [--purge-data]`: removes an environment. Its volumes
 * are kept unless `--purge-data` is given.
 */
import type { Command } from "commander";
import { stdoutOutput } from "../output.js";
import { environmentArgument } from "../environment-argument.js";
import { commandLogger, createSwarm } from "../engine-session.js";
import { destroyEnvironment } from "../../applier/destroy-environment.js";
import { auditedDestroy } from "../../audit/audited-destroy.js";
import { localUser } from "../../audit/local-user.js";
import { syncGatewayAccess } from "../../gateway/sync-access.js";

export function registerDestroy(program: Command): void {
  program
    .command("destroy")
    .description("remove an environment (volumes kept unless --purge-data)")
    .argument("<env>", "environment name", environmentArgument)
    .option("--purge-data", "also remove the environment's volumes")
    .action(async (env: string, options: { purgeData?: boolean }) => {
      const log = commandLogger("destroy").child({ environment: env });
      const swarm = createSwarm();
      const origin = {
        environment: env,
        who: localUser(),
        via: "cli" as const,
      };
      const result = await auditedDestroy(origin, log, () =>
        destroyEnvironment(swarm, env, {
          purgeData: options.purgeData ?? false,
          log,
        }),
      );
      // The gateway forgets the environment's routes and token.
      await syncGatewayAccess(swarm, log);
      const out = stdoutOutput;
      if (result.removed.length === 0 && result.keptVolumes.length === 0) {
        out.line(`${env}: nothing to destroy, no such environment runs`);
        return;
      }
      for (const removed of result.removed) out.line(`- removed ${removed}`);
      for (const kept of result.keptVolumes) {
        out.line(`  kept volume ${kept} (use --purge-data to remove it)`);
      }
      out.line(`${env}: destroyed`);
    });
}
