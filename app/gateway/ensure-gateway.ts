/**
 * `berth gateway up`: builds the gateway's image, then creates or updates
 * its network, nginx configuration, certificate secrets and services, and
 * waits until nginx runs. Running it again with the same settings changes
 * nothing.
 */
import { readFile } from "node:fs/promises";
import { DEFAULT_WAIT, waitHealthy } from "../applier/wait-healthy.js";
import type { Logger } from "../log.js";
import { COMPONENT_LABEL } from "../swarm/labels.js";
import type { SecretReference } from "../swarm/spec-types.js";
import type { SwarmClient } from "../swarm/swarm-client.js";
import { ensureGatewayImage } from "./gateway-image.js";
import {
  ensureDataObject,
  ensureService,
  hashedName,
} from "./gateway-objects.js";
import type { GatewaySettings } from "./gateway-settings.js";
import {
  gatewayLabels,
  gatewayNetworkSpec,
  nginxServiceSpec,
  secretFile,
} from "./gateway-specs.js";
import { nginxConfig } from "./nginx-config.js";
import { syncGatewayAccess } from "./sync-access.js";

export interface GatewayUpResult {
  image: string;
  service: "created" | "updated" | "unchanged";
}

/** Makes the gateway run with `settings`. */
export async function ensureGateway(
  swarm: SwarmClient,
  settings: GatewaySettings,
  log: Logger,
  onBuildLine?: (line: string) => void,
): Promise<GatewayUpResult> {
  const image = await ensureGatewayImage(swarm, log, onBuildLine);
  if (!(await swarm.findNetwork(settings.name))) {
    await swarm.createNetwork(gatewayNetworkSpec(settings.name));
    log.info({ network: settings.name }, "gateway network created");
  }
  const text = nginxConfig(settings);
  const configName = hashedName(`${settings.name}_nginx`, text);
  await ensureDataObject(swarm, "configs", {
    name: configName,
    data: Buffer.from(text),
    labels: gatewayLabels(),
  });
  const tls = await ensureTlsSecrets(swarm, settings);
  const spec = nginxServiceSpec({
    settings,
    image,
    configName,
    ...(tls ? { tls } : {}),
  });

  const service = await ensureService(swarm, spec);
  if (service !== "unchanged") {
    log.info(
      { service: settings.name, change: service },
      "gateway changed; waiting for it",
    );
    await waitHealthy(
      swarm,
      {
        replicas: new Map([[settings.name, 1]]),
        updated: new Set(service === "updated" ? [settings.name] : []),
      },
      DEFAULT_WAIT,
    );
  }
  await syncGatewayAccess(swarm, log, settings.name);
  await removeUnused(swarm, settings.name, [
    configName,
    ...(tls ? [tls.cert.SecretName, tls.key.SecretName] : []),
  ]);
  return { image, service };
}

async function ensureTlsSecrets(
  swarm: SwarmClient,
  settings: GatewaySettings,
): Promise<{ cert: SecretReference; key: SecretReference } | undefined> {
  if (!settings.tlsCertFile || !settings.tlsKeyFile) return undefined;
  const cert = await readPem(settings.tlsCertFile, "BERTH_TLS_CERT");
  const key = await readPem(settings.tlsKeyFile, "BERTH_TLS_KEY");
  const secret = async (kind: string, data: Buffer, file: string) => {
    const name = hashedName(`${settings.name}_tls-${kind}`, data);
    const labels = gatewayLabels();
    const id = await ensureDataObject(swarm, "secrets", { name, data, labels });
    return secretFile(file, id, name);
  };
  return {
    cert: await secret("cert", cert, "tls.crt"),
    key: await secret("key", key, "tls.key"),
  };
}

async function readPem(file: string, variable: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new Error(
      `cannot read ${file} named by ${variable}; give the path of a PEM ` +
        "file readable by Berth",
      { cause: error },
    );
  }
}

/** Old nginx configs and certificates of this gateway. */
async function removeUnused(
  swarm: SwarmClient,
  name: string,
  keep: string[],
): Promise<void> {
  const prefixes = [`${name}_nginx-`, `${name}_tls-`];
  const mine = (object: { name: string }) =>
    prefixes.some((prefix) => object.name.startsWith(prefix)) &&
    !keep.includes(object.name);
  for (const kind of ["configs", "secrets"] as const) {
    const objects = await swarm.listDataObjects(kind, [COMPONENT_LABEL]);
    for (const object of objects.filter(mine)) {
      if (kind === "configs") await swarm.removeConfig(object.id);
      else await swarm.removeSecret(object.id);
    }
  }
}
