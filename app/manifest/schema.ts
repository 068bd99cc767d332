/**
 * The environment manifest, version 1, as a zod schema. Every object is
 * strict: an unknown key is an error, so that a typo fails the pull request
 * instead of being ignored. Durations and sizes come out as numbers.
 */
import { z } from "zod";
import { envKey, labelKey, parameterKey } from "./schema-keys.js";
import { gitRef, gitUrl } from "./schema-git.js";
import { dnsLabel } from "./schema-names.js";
import { owners } from "./schema-owners.js";
import { addProblem, quoted } from "./schema-issue.js";
import { stringField, uniqueEntries } from "./schema-unique.js";
import { expiresAfter, memory } from "./schema-units.js";

/** Longest environment name; Berth derives longer object names from it. */
export const MAX_ENVIRONMENT_NAME = 40;

const environmentName = dnsLabel({
  what: "environment name",
  max: MAX_ENVIRONMENT_NAME,
  derive: (name) => `${name}_workspace`,
});

const Metadata = z.strictObject({
  name: environmentName,
  owners,
  labels: z.record(labelKey, z.string().max(255)).default({}),
});

const Repository = z.strictObject({
  url: gitUrl,
  ref: gitRef.optional(),
});

const AccessPort = z.strictObject({
  service: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/),
  port: z.int().min(1).max(65_535),
  name: dnsLabel({ what: "port name", max: 15 }),
});

const Resources = z.strictObject({
  cpus: z.number().positive().max(64).optional(),
  memory: memory.optional(),
});

const uniquePortNames = uniqueEntries({
  pick: stringField("name"),
  field: ["name"],
  describe: (name, first) => ({
    message: `port name "${name}" is already used by ports[${first}]`,
    found: `"${name}" twice`,
    expected: "a different name for every port",
    fix: "rename one of them; the name becomes part of its URL",
  }),
});

const uniquePortTargets = uniqueEntries({
  pick: (item) => {
    const service = stringField("service")(item);
    const port = (item as { port?: unknown } | null)?.port;
    return service && typeof port === "number"
      ? `${service}:${port}`
      : undefined;
  },
  field: ["port"],
  describe: (target, first) => ({
    message: `port ${target} is already listed at ports[${first}]`,
    found: `${target} twice`,
    expected: "each service port once",
    fix: "remove the second entry; one port has one URL",
  }),
});

/**
 * Environment variable values: any text but NUL, which no process
 * environment can hold, so Docker would only refuse it at apply.
 */
const envValue = z.string().superRefine((value, ctx) => {
  if (!value.includes("\0")) return;
  addProblem(ctx, {
    message: "an environment variable cannot contain a NUL character",
    found: quoted(value),
    expected: "text without \\u0000",
    fix: "remove the NUL character from the value",
  });
});

const uniqueUrls = uniqueEntries({
  pick: stringField("url"),
  field: ["url"],
  describe: (url, first) => ({
    message: `repository ${url} is already listed at [${first}]`,
    found: "the same URL twice",
    expected: "each repository once",
    fix: "remove the second entry",
  }),
});

const Spec = z.strictObject({
  template: dnsLabel({ what: "template name", max: 63 }),
  parameters: z
    .record(parameterKey, z.union([z.string(), z.number(), z.boolean()]))
    .default({}),
  repositories: z
    .array(Repository)
    .superRefine(...uniqueUrls)
    .default([]),
  resources: Resources.default({}),
  env: z.record(envKey, envValue).default({}),
  expiresAfter: expiresAfter.optional(),
  access: z
    .strictObject({
      ports: z
        .array(AccessPort)
        .superRefine(...uniquePortNames)
        .superRefine(...uniquePortTargets)
        .default([]),
    })
    .default({ ports: [] }),
});

/** An environment manifest, `apiVersion: berth.dev/v1`. */
export const ManifestSchema = z
  .strictObject({
    apiVersion: z.literal("berth.dev/v1"),
    kind: z.literal("Environment"),
    metadata: Metadata,
    spec: Spec,
  })
  .meta({
    title: "Berth environment manifest",
    description: "A developer environment that Berth provisions on Swarm.",
  });

/** What a manifest looks like once validated. */
export type ManifestSchemaOutput = z.output<typeof ManifestSchema>;
