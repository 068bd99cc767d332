/**
 * The Compose file that makes `docker stack deploy` create what Berth
 * renders: the template's file interpolated for one manifest, with Berth's
 * image tags in place of `build:`, the workspace's env and resources, the
 * access ports published in host mode, DNS round-robin endpoints and an
 * attachable network. Berth's own labels, object names and config name
 * hashes are not in it. Used to compare Berth with Docker's own tooling,
 * and for users who want to deploy a template by hand.
 */
import { isAbsolute, join } from "node:path";
import { stringify } from "yaml";
import type { Manifest } from "../manifest/types.js";
import type {
  ComposeFile,
  ComposeService,
} from "../template/compose-schema.js";
import { mapOf } from "../template/compose-values.js";
import { escapeDollars } from "../template/interpolate.js";
import type { Template } from "../template/types.js";
import { composeFor } from "./compose-for.js";
import { builtImage } from "./images.js";
import { publishedPortKey } from "./names.js";
import { workspaceEnv } from "./workspace.js";

export interface InterpolatedComposeOptions {
  /** Host port of each access port, by `service:port`. */
  publishedPorts?: Record<string, number>;
}

/**
 * Writes the Compose file for `manifest` with `template` as YAML that
 * `docker stack deploy -c` reads (every `$` escaped as `$$`).
 * @throws Error when the Compose file does not validate for the manifest.
 */
export function interpolatedCompose(
  template: Template,
  manifest: Manifest,
  options: InterpolatedComposeOptions = {},
): string {
  const compose = composeFor(template, manifest);
  const services: Record<string, unknown> = {};
  for (const name of Object.keys(compose.services).sort()) {
    const service = compose.services[name] ?? {};
    services[name] = serviceFor(template, manifest, name, service, options);
  }
  const file = {
    version: compose.version ?? "3.8",
    services,
    ...(compose.volumes ? { volumes: compose.volumes } : {}),
    ...(compose.configs ? { configs: configsFor(template, compose) } : {}),
    networks: { default: { driver: "overlay", attachable: true } },
  };
  return stringify(escapeTree(file), { version: "1.1", lineWidth: 0 });
}

function serviceFor(
  template: Template,
  manifest: Manifest,
  name: string,
  service: ComposeService,
  options: InterpolatedComposeOptions,
): Record<string, unknown> {
  const { build: _build, ...rest } = service;
  const result: Record<string, unknown> = { ...rest };
  const image = builtImage(template, name, service);
  if (image) result.image = image.ref;

  const deploy: Record<string, unknown> = {
    ...service.deploy,
    endpoint_mode: service.deploy?.endpoint_mode ?? "dnsrr",
  };
  if (name === template.workspace) {
    result.environment = workspaceEnv(mapOf(service.environment), manifest);
    deploy.resources = workspaceResources(service, manifest);
  }
  result.deploy = deploy;

  const ports = manifest.spec.access.ports
    .filter((port) => port.service === name)
    .map((port) => ({
      target: port.port,
      published: options.publishedPorts?.[publishedPortKey(name, port.port)],
      protocol: "tcp",
      mode: "host",
    }));
  if (ports.length > 0) result.ports = ports;
  return result;
}

function workspaceResources(service: ComposeService, manifest: Manifest) {
  const { cpus, memory } = manifest.spec.resources;
  const declared = service.deploy?.resources;
  const merge = (values: Record<string, unknown> | undefined) => ({
    ...values,
    ...(cpus === undefined ? {} : { cpus: cpuText(cpus) }),
    ...(memory === undefined ? {} : { memory: `${memory}b` }),
  });
  return {
    limits: merge(declared?.limits),
    reservations: merge(declared?.reservations),
  };
}

function cpuText(cpus: number): string {
  return cpus.toFixed(9).replace(/\.?0+$/, "");
}

function configsFor(template: Template, compose: ComposeFile) {
  const configs: Record<string, unknown> = {};
  for (const [name, config] of Object.entries(compose.configs ?? {})) {
    const file = isAbsolute(config.file)
      ? config.file
      : join(template.dir, config.file);
    configs[name] = { ...config, file };
  }
  return configs;
}

function escapeTree(value: unknown): unknown {
  if (typeof value === "string") return escapeDollars(value);
  if (Array.isArray(value)) return value.map(escapeTree);
  if (typeof value !== "object" || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) result[key] = escapeTree(item);
  }
  return result;
}
