/**
 * Reads the access token of an environment for its operator. Swarm never
 * returns a secret's content through its API, so the token is read from
 * the gateway's auth service, which mounts it.
 */
import type { SwarmClient } from "../swarm/swarm-client.js";
import { NotFoundError } from "../swarm/errors.js";
import { gatewayName } from "./gateway-settings.js";
import { authServiceName } from "./gateway-specs.js";
import { tokenSecretName } from "./sync-access.js";

/**
 * The access token of `environment`.
 * @throws NotFoundError saying what to do when there is none to read.
 */
export async function readAccessToken(
  swarm: SwarmClient,
  environment: string,
  name = gatewayName(),
): Promise<string> {
  const file = `/run/secrets/${tokenSecretName(environment)}`;
  try {
    const token = await swarm.readServiceFile(authServiceName(name), file);
    return token.trim();
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    throw new NotFoundError(
      `${environment} has no access token to show: ${error.message} ` +
        "Start the gateway with berth gateway up and apply the environment.",
      404,
      error.dockerMessage,
      { cause: error },
    );
  }
}
