/**
 * Completes a response object from real state with placeholder values for
 * every property that the REST description requires but the double does
 * not track (avatar URLs, counters, and so on). Values from state always
 * win; placeholders are the simplest values valid under the schema.
 */
import type { Schema } from "./openapi-description.js";
import { isValid } from "./schema-validator.js";

const FORMATS: Record<string, string> = {
  "date-time": "2026-01-01T00:00:00Z",
  date: "2026-01-01",
  uri: "https://github.example/placeholder",
  "uri-template": "https://github.example/placeholder{/id}",
  email: "placeholder@users.noreply.github.example",
  uuid: "00000000-0000-4000-8000-000000000000",
};

function asSchema(value: unknown): Schema | undefined {
  return value && typeof value === "object" ? (value as Schema) : undefined;
}

function branches(schema: Schema): Schema[] {
  const list = (schema["oneOf"] ?? schema["anyOf"]) as Schema[] | undefined;
  return Array.isArray(list) ? list : [];
}

/** Merges `allOf` parts into one object schema. */
function flatten(schema: Schema): Schema {
  const parts = schema["allOf"] as Schema[] | undefined;
  if (!Array.isArray(parts)) return schema;
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const part of parts.map(flatten)) {
    Object.assign(properties, part["properties"] ?? {});
    required.push(...((part["required"] as string[] | undefined) ?? []));
  }
  return { ...schema, type: "object", properties, required, allOf: undefined };
}

function placeholder(schema: Schema): unknown {
  const flat = flatten(schema);
  const options = branches(flat);
  if (options.length > 0) return placeholder(options[0] ?? {});
  const choices = flat["enum"] as unknown[] | undefined;
  if (Array.isArray(choices)) return choices.find((c) => c !== null) ?? null;
  if (flat["nullable"] === true) return null;
  switch (flat["type"] ?? (flat["properties"] ? "object" : undefined)) {
    case "object":
      return fill(flat, {});
    case "array":
      return [];
    case "integer":
    case "number":
      return typeof flat["minimum"] === "number" ? flat["minimum"] : 1;
    case "boolean":
      return false;
    case "string":
      return FORMATS[String(flat["format"])] ?? "placeholder";
    default:
      return null;
  }
}

function fillObject(schema: Schema, real: Record<string, unknown>) {
  const properties = (schema["properties"] ?? {}) as Record<string, unknown>;
  const required = (schema["required"] as string[] | undefined) ?? [];
  const result: Record<string, unknown> = {};
  for (const name of required) {
    const property = asSchema(properties[name]);
    if (!(name in real)) result[name] = property ? placeholder(property) : null;
  }
  for (const [name, value] of Object.entries(real)) {
    if (value === undefined) continue;
    const property = asSchema(properties[name]);
    result[name] = property ? fill(property, value) : value;
  }
  return result;
}

function fillBranch(schema: Schema, real: unknown): unknown {
  const options = branches(schema);
  let first: unknown;
  for (const option of options) {
    const candidate = fill(option, real);
    if (isValid(option, candidate)) return candidate;
    first ??= candidate;
  }
  return first;
}

/**
 * `real` completed under `schema`: missing required properties get
 * placeholders, nested objects and arrays are completed the same way.
 */
export function fill(schema: Schema, real: unknown): unknown {
  const flat = flatten(schema);
  if (real === undefined) return placeholder(flat);
  if (real === null) return null;
  if (branches(flat).length > 0) return fillBranch(flat, real);
  if (Array.isArray(real)) {
    const items = asSchema(flat["items"]);
    return items ? real.map((item) => fill(items, item)) : real;
  }
  const isObject = flat["type"] === "object" || flat["properties"];
  if (typeof real === "object" && isObject) {
    return fillObject(flat, real as Record<string, unknown>);
  }
  return real;
}
