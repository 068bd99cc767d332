/**
 * Names of the Swarm objects of an environment, as `docker stack deploy`
 * would give them (`ENV_name`), except configs, which carry a hash of
 * their content because Swarm configs cannot change.
 */
import { createHash } from "node:crypto";
import type { DesiredEnvironment } from "./types.js";

/** `ENV_service`: the Swarm service of a Compose service. */
export function serviceName(environment: string, service: string): string {
  return `${environment}_${service}`;
}

/** `ENV_default`: the one overlay network of an environment. */
export function networkName(environment: string): string {
  return `${environment}_default`;
}

/** `ENV_volume`: the Docker volume of a Compose volume. */
export function volumeName(environment: string, volume: string): string {
  return `${environment}_${volume}`;
}

/**
 * `ENV_config-HASH8`: the Swarm config of a Compose config, where HASH8
 * is the start of the sha256 of its content (`data`, base64).
 */
export function configName(
  environment: string,
  config: string,
  data: string,
): string {
  const bytes = Buffer.from(data, "base64");
  const hash = createHash("sha256").update(bytes).digest("hex");
  return `${environment}_${config}-${hash.slice(0, 8)}`;
}

/** Key of `publishedPorts`: `service:port`. */
export function publishedPortKey(service: string, port: number): string {
  return `${service}:${port}`;
}

export interface ObjectNames {
  images: string[];
  networks: string[];
  volumes: string[];
  configs: string[];
  services: string[];
}

/** Every object name of a rendered environment, by kind, sorted. */
export function objectNames(environment: DesiredEnvironment): ObjectNames {
  const sorted = (names: string[]) => [...names].sort();
  return {
    images: sorted(environment.images.map((image) => image.ref)),
    networks: sorted(environment.networks.map((network) => network.name)),
    volumes: sorted(environment.volumes.map((volume) => volume.name)),
    configs: sorted(environment.configs.map((config) => config.name)),
    services: sorted(environment.services.map((service) => service.name)),
  };
}
