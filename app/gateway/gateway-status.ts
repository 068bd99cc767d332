/**
 * Whether a gateway runs, and the address its URLs start with, read from
 * the live nginx service, so `berth status` prints the URLs the running
 * gateway serves whatever the settings of the shell it runs in.
 */
import type { SwarmClient } from "../swarm/swarm-client.js";
import { gatewayName } from "./gateway-settings.js";
import { authServiceName, GATEWAY_ADDRESS_LABEL } from "./gateway-specs.js";
import type { GatewayAddress } from "./route-target.js";

export interface GatewayStatus {
  name: string;
  address: GatewayAddress;
  /** Running tasks of nginx and of the auth service. */
  running: { nginx: number; auth: number };
}

/** The gateway named by the settings, or undefined when none runs. */
export async function readGatewayStatus(
  swarm: SwarmClient,
  name = gatewayName(),
): Promise<GatewayStatus | undefined> {
  const service = await swarm.inspectService(name);
  const label = service?.spec.Labels?.[GATEWAY_ADDRESS_LABEL];
  if (!service || !label) return undefined;
  const running = async (serviceName: string) => {
    const tasks = await swarm
      .listTasks({ service: [serviceName], "desired-state": ["running"] })
      .catch(() => []);
    return tasks.filter((task) => task.state === "running").length;
  };
  return {
    name,
    address: JSON.parse(label) as GatewayAddress,
    running: {
      nginx: await running(name),
      auth: await running(authServiceName(name)),
    },
  };
}
