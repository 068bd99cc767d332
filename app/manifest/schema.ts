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
  env: z.record(envKey, z.string()).default({}),
  expiresAfter: expiresAfter.optional(),
  access: z
    .strictObject({
      ports: z
        .array(AccessPort)
        .superRefine(...uniquePortNames)
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
