/**
 * One Compose service to an Engine API service spec, field by field as
 * `docker stack deploy` converts it. Berth's own labels and the workspace
 * additions are applied by the caller.
 */
import type {
  ContainerSpec,
  PortConfig,
  ServiceSpec,
} from "../swarm/spec-types.js";
import type {
  ComposeFile,
  ComposeService,
} from "../template/compose-schema.js";
import {
  commandWords,
  configEntry,
  mapOf,
} from "../template/compose-values.js";
import { STACK_IMAGE_LABEL, STACK_NAMESPACE_LABEL } from "./labels.js";
import { networkName, serviceName } from "./names.js";
import { convertMounts } from "./convert-mounts.js";
import { convertHealthcheck, nanosOf } from "./convert-health.js";
import {
  convertResources,
  convertRestartPolicy,
  convertUpdateConfig,
} from "./convert-deploy.js";

export interface ServiceInput {
  environment: string;
  /** Compose service name. */
  name: string;
  service: ComposeService;
  compose: ComposeFile;
  /** Image reference: the Compose image, or Berth's tag of its build. */
  image: string;
  /** Environment variables, already merged. */
  env: Record<string, string>;
  /** Swarm config name of each Compose config. */
  configNames: Record<string, string>;
  ports: PortConfig[];
}

/** The service spec `docker stack deploy` would create for `input`. */
export function convertService(input: ServiceInput): ServiceSpec {
  const deploy = input.service.deploy ?? {};
  const spec: ServiceSpec = {
    Name: serviceName(input.environment, input.name),
    Labels: {
      ...mapOf(deploy.labels),
      [STACK_NAMESPACE_LABEL]: input.environment,
      [STACK_IMAGE_LABEL]: input.image,
    },
    TaskTemplate: {
      ContainerSpec: containerSpec(input),
      Networks: [
        { Target: networkName(input.environment), Aliases: [input.name] },
      ],
    },
    Mode: { Replicated: { Replicas: deploy.replicas ?? 1 } },
    EndpointSpec: { Mode: deploy.endpoint_mode ?? "dnsrr" },
  };
  const task = spec.TaskTemplate;
  const resources = convertResources(deploy.resources);
  if (resources) task.Resources = resources;
  const restart = convertRestartPolicy(deploy.restart_policy);
  if (restart) task.RestartPolicy = restart;
  const constraints = deploy.placement?.constraints;
  if (constraints?.length) task.Placement = { Constraints: constraints };
  const update = convertUpdateConfig(deploy.update_config);
  if (update) spec.UpdateConfig = update;
  const rollback = convertUpdateConfig(deploy.rollback_config);
  if (rollback) spec.RollbackConfig = rollback;
  if (input.ports.length > 0 && spec.EndpointSpec) {
    spec.EndpointSpec.Ports = sortPorts(input.ports);
  }
  return spec;
}

function containerSpec(input: ServiceInput): ContainerSpec {
  const { service } = input;
  const spec: ContainerSpec = {
    Image: input.image,
    Labels: {
      ...mapOf(service.labels),
      [STACK_NAMESPACE_LABEL]: input.environment,
    },
  };
  const command = words(service.entrypoint);
  if (command) spec.Command = command;
  const args = words(service.command);
  if (args) spec.Args = args;
  if (service.hostname) spec.Hostname = service.hostname;
  const env = envList(input.env);
  if (env.length > 0) spec.Env = env;
  if (service.working_dir) spec.Dir = service.working_dir;
  if (service.user) spec.User = service.user;
  const mounts = convertMounts(input.environment, service, input.compose);
  if (mounts.length > 0) spec.Mounts = mounts;
  const grace = nanosOf(service.stop_grace_period);
  if (grace !== undefined) spec.StopGracePeriod = grace;
  const health = convertHealthcheck(service.healthcheck);
  if (health) spec.Healthcheck = health;
  const configs = configReferences(input);
  if (configs.length > 0) spec.Configs = configs;
  if (service.init !== undefined) spec.Init = service.init;
  if (service.tty) spec.TTY = true;
  if (service.stdin_open) spec.OpenStdin = true;
  return spec;
}

function words(value: string | string[] | undefined): string[] | undefined {
  const result = commandWords(value);
  return Array.isArray(result) ? result : undefined;
}

/** `KEY=VALUE` strings sorted as `docker stack deploy` sorts them. */
export function envList(env: Readonly<Record<string, string>>): string[] {
  return Object.entries(env)
    .map(([key, value]) => `${key}=${value}`)
    .sort(compareText);
}

function configReferences(input: ServiceInput) {
  return (input.service.configs ?? []).map((item) => {
    const entry = configEntry(item);
    return {
      File: {
        Name: entry.target,
        UID: entry.uid,
        GID: entry.gid,
        Mode: entry.mode,
      },
      ConfigID: "",
      ConfigName: input.configNames[entry.source] ?? entry.source,
    };
  });
}

function sortPorts(ports: PortConfig[]): PortConfig[] {
  return [...ports].sort(
    (a, b) =>
      (a.PublishedPort ?? 0) - (b.PublishedPort ?? 0) ||
      a.TargetPort - b.TargetPort,
  );
}

/** Byte-wise order, as Go sorts strings. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
