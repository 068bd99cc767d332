/**
 * `berth gateway up|status|down`: the nginx gateway in front of every
 * environment. Settings come from the environment: BERTH_GATEWAY_NAME,
 * BERTH_GATEWAY_HTTP_PORT, BERTH_GATEWAY_HTTPS_PORT, BERTH_GATEWAY_DOMAIN,
 * BERTH_GATEWAY_TLS, BERTH_TLS_CERT and BERTH_TLS_KEY.
 */
import type { Command } from "commander";
import { stdoutOutput } from "../output.js";
import { commandLogger, createSwarm } from "../engine-session.js";
import { createProgress } from "../progress.js";
import { ensureGateway } from "../../gateway/ensure-gateway.js";
import {
  gatewayName,
  gatewaySettings,
} from "../../gateway/gateway-settings.js";
import { readGatewayStatus } from "../../gateway/gateway-status.js";
import { removeGateway } from "../../gateway/remove-gateway.js";
import { gatewayUrl } from "../../gateway/route-target.js";

export function registerGateway(program: Command): void {
  const gateway = program
    .command("gateway")
    .description("run the nginx gateway that guards every environment");

  gateway
    .command("up")
    .description("build and start the gateway, or update its settings")
    .action(async () => {
      const settings = gatewaySettings();
      const log = commandLogger("gateway").child({ gateway: settings.name });
      const progress = createProgress();
      const result = await ensureGateway(createSwarm(), settings, log, (l) =>
        progress.buildLine("gateway", l),
      );
      progress.stop();
      const example = gatewayUrl(settings, "ENV", "PORT");
      stdoutOutput.line(`${settings.name}: ${result.service}`);
      stdoutOutput.line(`  URLs: ${example}`);
      stdoutOutput.line("  apply environments to route them through it");
    });

  gateway
    .command("status")
    .description("show whether the gateway runs, and its address")
    .action(async () => {
      const status = await readGatewayStatus(createSwarm());
      if (!status) {
        stdoutOutput.line(`${gatewayName()}: not running`);
        return;
      }
      const { nginx, auth } = status.running;
      stdoutOutput.line(`${status.name}: nginx ${nginx}/1, auth ${auth}/1`);
      stdoutOutput.line(`  URLs: ${gatewayUrl(status.address, "ENV", "PORT")}`);
    });

  gateway
    .command("down")
    .description("remove the gateway; environments keep running")
    .action(async () => {
      const name = gatewayName();
      const log = commandLogger("gateway").child({ gateway: name });
      const removed = await removeGateway(createSwarm(), name, log);
      for (const item of removed) stdoutOutput.line(`- removed ${item}`);
      stdoutOutput.line(`${name}: removed`);
    });
}
