/**
 * The schema of `templates/<name>/template.yaml`.
 */
import { z } from "zod";

/** A DNS label of at most 15 characters, used in access URLs. */
const PORT_NAME = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;

const Parameter = z.strictObject({
  type: z.enum(["string", "number", "boolean", "enum"]),
  values: z.array(z.string()).min(1).optional(),
  default: z
    .union([z.string(), z.number(), z.boolean()], {
      error: "expected text, a number or true/false",
    })
    .optional(),
  description: z.string().optional(),
});

const Port = z.strictObject({
  service: z.string(),
  port: z.number().int().min(1).max(65535),
  name: z
    .string()
    .max(15, { error: "port names have at most 15 characters" })
    .regex(PORT_NAME, {
      error: "port names are DNS labels: lowercase letters, digits and -",
    }),
  protocol: z.enum(["http", "tcp"]).default("http"),
});

/** `template.yaml` as written. */
export const TemplateFile = z.strictObject({
  description: z.string().min(1, { error: "describe the template" }),
  workspace: z.string(),
  parameters: z.record(z.string(), Parameter).default({}),
  ports: z.array(Port).default([]),
});

export type TemplateFile = z.output<typeof TemplateFile>;
