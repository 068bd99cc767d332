/**
 * The subset of the Compose file format that Berth accepts: what
 * `docker stack deploy` turns into Swarm objects, minus what Berth
 * refuses (see `compose-refusals.ts`, checked before this schema).
 * The schema keeps the structure of the file; it only casts scalars.
 */
import { z } from "zod";
import {
  ByteSize,
  CommandLine,
  Cpus,
  Duration,
  Flag,
  Integer,
  MapOrList,
  Ratio,
  Text,
} from "./compose-scalars.js";

export const BuildObject = z.strictObject({
  context: z.string().default("."),
  dockerfile: z.string().optional(),
  args: MapOrList.optional(),
});

export const Healthcheck = z.strictObject({
  test: z
    .union([z.string(), z.array(z.string()).min(1)], {
      error: 'expected a shell command or a list such as ["CMD", ...]',
    })
    .optional(),
  interval: Duration.optional(),
  timeout: Duration.optional(),
  retries: Integer.optional(),
  start_period: Duration.optional(),
  disable: Flag.optional(),
});

export const LongVolume = z.strictObject({
  type: z.string(),
  source: z.string().optional(),
  target: z.string(),
  read_only: Flag.optional(),
});

const LongConfig = z.strictObject({
  source: z.string(),
  target: z.string().optional(),
  uid: Text.optional(),
  gid: Text.optional(),
  mode: Integer.optional(),
});

const ResourceValues = z.strictObject({
  cpus: Cpus.optional(),
  memory: ByteSize.optional(),
});

const UpdateSettings = z.strictObject({
  parallelism: Integer.optional(),
  delay: Duration.optional(),
  failure_action: z.enum(["continue", "pause", "rollback"]).optional(),
  monitor: Duration.optional(),
  max_failure_ratio: Ratio.optional(),
  order: z.enum(["stop-first", "start-first"]).optional(),
});

export const Deploy = z.strictObject({
  replicas: Integer.optional(),
  resources: z
    .strictObject({
      limits: ResourceValues.optional(),
      reservations: ResourceValues.optional(),
    })
    .optional(),
  restart_policy: z
    .strictObject({
      condition: z.enum(["none", "on-failure", "any"]).optional(),
      delay: Duration.optional(),
      max_attempts: Integer.optional(),
      window: Duration.optional(),
    })
    .optional(),
  placement: z
    .strictObject({ constraints: z.array(z.string()).optional() })
    .optional(),
  update_config: UpdateSettings.optional(),
  rollback_config: UpdateSettings.optional(),
  labels: MapOrList.optional(),
  endpoint_mode: z.enum(["vip", "dnsrr"]).optional(),
});

/** One Compose service, as Berth accepts it. */
export const ComposeService = z.strictObject({
  image: z.string().optional(),
  build: z.union([z.string(), BuildObject]).optional(),
  command: CommandLine.optional(),
  entrypoint: CommandLine.optional(),
  environment: MapOrList.optional(),
  working_dir: z.string().optional(),
  user: Text.optional(),
  hostname: z.string().optional(),
  init: Flag.optional(),
  tty: Flag.optional(),
  stdin_open: Flag.optional(),
  stop_grace_period: Duration.optional(),
  healthcheck: Healthcheck.optional(),
  volumes: z.array(z.union([z.string(), LongVolume])).optional(),
  configs: z.array(z.union([z.string(), LongConfig])).optional(),
  labels: MapOrList.optional(),
  deploy: Deploy.optional(),
});

export const TopVolume = z
  .strictObject({
    driver: z
      .literal("local", {
        error: "Berth creates volumes with the local driver only",
      })
      .optional(),
    labels: MapOrList.optional(),
  })
  .nullable();

export const TopConfig = z.strictObject({
  file: z.string(),
  labels: MapOrList.optional(),
});

/** A Compose file in the subset Berth accepts. */
export const ComposeFile = z.strictObject({
  version: Text.optional(),
  services: z.record(z.string(), ComposeService),
  volumes: z.record(z.string(), TopVolume).optional(),
  configs: z.record(z.string(), TopConfig).optional(),
});

export type ComposeFile = z.output<typeof ComposeFile>;
export type ComposeService = z.output<typeof ComposeService>;
