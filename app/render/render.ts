/**
 * Renders one environment: a manifest and its template become the Swarm
 * objects it needs, in the Engine API's shape, as `docker stack deploy`
 * would make them from the same Compose file, plus Berth's labels, the
 * workspace's additions and the published access ports. Pure: the same
 * input always gives the same output and hash.
 */
import type { Manifest } from "../manifest/types.js";
import type { PortConfig } from "../swarm/spec-types.js";
import type { ComposeFile } from "../template/compose-schema.js";
import { mapOf } from "../template/compose-values.js";
import type { Template } from "../template/types.js";
import type {
  AccessUrl,
  DesiredEnvironment,
  DesiredImage,
  DesiredService,
} from "./types.js";
import { composeFor } from "./compose-for.js";
import { convertService } from "./convert-service.js";
import {
  desiredConfigs,
  desiredNetwork,
  desiredVolumes,
} from "./environment-objects.js";
import { builtImage } from "./images.js";
import {
  COMMIT_LABEL,
  ENVIRONMENT_LABEL,
  EXPIRES_AFTER_LABEL,
  OWNERS_LABEL,
  PULL_REQUEST_LABEL,
  SPEC_HASH_LABEL,
  TCP_ACCESS_LABEL,
  TEMPLATE_LABEL,
  environmentLabels,
} from "./labels.js";
import { configName, publishedPortKey } from "./names.js";
import {
  joinGateway,
  routedByGateway,
  sshPorts,
  withAuthorizedKeys,
  type GatewayRouting,
} from "./gateway-routing.js";
import { specHashOf, taskHashOf } from "./spec-hash.js";
import {
  applyWorkspaceResources,
  ownersOf,
  workspaceEnv,
} from "./workspace.js";

export interface RenderInput {
  manifest: Manifest;
  template: Template;
  commit?: string;
  pullRequest?: number;
  /** Host port of each access port, by `service:port`. */
  publishedPorts: Record<string, number>;
  /** Set when a gateway runs: how it reaches this environment. */
  gateway?: GatewayRouting;
}

/**
 * Renders `input.manifest` with its template into desired Swarm objects.
 * An access port missing from `publishedPorts` is published without a
 * fixed host port (Docker picks one) and reported with port 0.
 * @throws Error when the template's Compose file does not validate with
 * the manifest's parameters (see `checkManifestAgainstTemplate`).
 */
export function renderEnvironment(input: RenderInput): DesiredEnvironment {
  const { manifest, template } = input;
  const environment = manifest.metadata.name;
  const compose = composeFor(template, manifest);

  const configs = desiredConfigs(environment, compose, template);
  const configNames = Object.fromEntries(
    Object.keys(compose.configs ?? {}).map((name) => [
      name,
      configName(environment, name, template.configData?.[name] ?? ""),
    ]),
  );

  const access = accessUrls(input);
  const images: DesiredImage[] = [];
  const services = serviceNames(compose).map((name) => {
    const image = builtImage(template, name, compose.services[name] ?? {});
    if (image) images.push(image);
    return renderService(input, compose, name, image, configNames, access);
  });

  const desired = {
    name: environment,
    labels: environmentLabels(environment),
    images,
    networks: [desiredNetwork(environment)],
    volumes: desiredVolumes(environment, compose),
    configs,
    services,
    access,
  };
  const specHash = specHashOf(desired);
  for (const service of services) {
    service.spec.Labels = {
      ...service.spec.Labels,
      ...volatileLabels(input, specHash),
    };
  }
  return { ...desired, specHash };
}

function serviceNames(compose: ComposeFile): string[] {
  return Object.keys(compose.services).sort();
}

function renderService(
  input: RenderInput,
  compose: ComposeFile,
  name: string,
  image: DesiredImage | undefined,
  configNames: Record<string, string>,
  access: AccessUrl[],
): DesiredService {
  const { manifest, template } = input;
  const service = compose.services[name] ?? {};
  const isWorkspace = name === template.workspace;
  const composeEnv = mapOf(service.environment);
  const env = isWorkspace
    ? withAuthorizedKeys(workspaceEnv(composeEnv, manifest), input.gateway)
    : composeEnv;
  const own = access.filter((url) => url.service === name);
  const routed = own.filter((url) => routedByGateway(url, input.gateway));

  const spec = convertService({
    environment: manifest.metadata.name,
    name,
    service,
    compose,
    image: image?.ref ?? service.image ?? "",
    env,
    configNames,
    ports: [
      ...own.filter((url) => !routed.includes(url)).map(hostPort),
      ...(isWorkspace ? sshPorts(input.gateway, env) : []),
    ],
  });
  if (isWorkspace) applyWorkspaceResources(spec, manifest);
  if (input.gateway) joinGateway(spec, input.gateway, routed);
  spec.Labels = {
    ...spec.Labels,
    // The manifest's own labels, for ops' tools; Berth's keys cannot be
    // among them (validation refuses dev.berth.* and com.docker.*).
    ...manifest.metadata.labels,
    ...berthLabels(input),
    ...tcpAccessLabel(access.filter((url) => url.service === name)),
  };
  return { name: spec.Name, spec, taskHash: taskHashOf(spec) };
}

function hostPort(url: AccessUrl): PortConfig {
  const port: PortConfig = {
    Name: url.name,
    Protocol: "tcp",
    TargetPort: url.port,
    PublishMode: "host",
  };
  if (url.publishedPort) port.PublishedPort = url.publishedPort;
  return port;
}

function accessUrls(input: RenderInput): AccessUrl[] {
  return input.manifest.spec.access.ports
    .map((port) => ({
      name: port.name,
      service: port.service,
      port: port.port,
      publishedPort:
        input.publishedPorts[publishedPortKey(port.service, port.port)] ?? 0,
      protocol: protocolOf(input.template, port.service, port.port),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function protocolOf(
  template: Template,
  service: string,
  port: number,
): AccessUrl["protocol"] {
  const offered = template.ports.find(
    (p) => p.service === service && p.port === port,
  );
  return offered?.protocol ?? "http";
}

function tcpAccessLabel(ports: AccessUrl[]): Record<string, string> {
  const tcp = ports.filter((p) => p.protocol === "tcp").map((p) => p.name);
  return tcp.length ? { [TCP_ACCESS_LABEL]: tcp.join(",") } : {};
}

function berthLabels(input: RenderInput): Record<string, string> {
  const { manifest, template } = input;
  const labels: Record<string, string> = {
    [ENVIRONMENT_LABEL]: manifest.metadata.name,
    [TEMPLATE_LABEL]: template.name,
  };
  const owners = ownersOf(manifest);
  if (owners.length > 0) labels[OWNERS_LABEL] = owners.join(",");
  if (manifest.spec.expiresAfter !== undefined) {
    labels[EXPIRES_AFTER_LABEL] = String(manifest.spec.expiresAfter);
  }
  return labels;
}

function volatileLabels(
  input: RenderInput,
  specHash: string,
): Record<string, string> {
  const labels: Record<string, string> = { [SPEC_HASH_LABEL]: specHash };
  if (input.commit) labels[COMMIT_LABEL] = input.commit;
  if (input.pullRequest !== undefined) {
    labels[PULL_REQUEST_LABEL] = String(input.pullRequest);
  }
  return labels;
}
