/**
 * JSON Schema validation with Ajv for fragments of GitHub's REST
 * description and webhook schemas. Compiled validators are cached per
 * schema object, so each schema is compiled once.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import formats from "ajv-formats";
import type { Schema } from "./openapi-description.js";

type Mode = "exact" | "coerce";

const instances = new Map<Mode, Ajv>();
const cache = new Map<Mode, WeakMap<Schema, ValidateFunction>>();

function ajvFor(mode: Mode): Ajv {
  const existing = instances.get(mode);
  if (existing) return existing;
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateFormats: true,
    coerceTypes: mode === "coerce" ? "array" : false,
    useDefaults: false,
  });
  const addFormats = formats as unknown as (ajv: Ajv) => Ajv;
  addFormats(ajv);
  instances.set(mode, ajv);
  return ajv;
}

/**
 * OpenAPI 3.0's `nullable: true` rewritten as JSON Schema (`anyOf` with
 * `null`): Ajv only accepts `nullable` beside `type`, and the description
 * also puts it beside `allOf`, `enum` and `$ref`-free objects.
 */
export function withoutNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutNullable);
  if (!node || typeof node !== "object") return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key !== "nullable") copy[key] = withoutNullable(value);
  }
  if ((node as Schema)["nullable"] !== true) return copy;
  return { anyOf: [copy, { type: "null" }] };
}

function compiled(schema: Schema, mode: Mode): ValidateFunction {
  let byMode = cache.get(mode);
  if (!byMode) {
    byMode = new WeakMap();
    cache.set(mode, byMode);
  }
  const hit = byMode.get(schema);
  if (hit) return hit;
  const validate = ajvFor(mode).compile(withoutNullable(schema) as Schema);
  byMode.set(schema, validate);
  return validate;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || "(top level)";
  const extra =
    error.keyword === "additionalProperties"
      ? ` (${String(error.params["additionalProperty"])})`
      : error.keyword === "enum"
        ? ` (${JSON.stringify(error.params["allowedValues"])})`
        : "";
  return `${where} ${error.message ?? error.keyword}${extra}`;
}

/**
 * Validates `value` against `schema`; returns readable errors, empty when
 * valid. `coerce` converts strings to numbers and booleans first, as GitHub
 * does for path and query parameters.
 */
export function schemaErrors(
  schema: Schema,
  value: unknown,
  mode: Mode = "exact",
): string[] {
  const validate = compiled(schema, mode);
  if (validate(value)) return [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) seen.add(describe(error));
  return [...seen];
}

/** Whether `value` is valid under `schema`. */
export function isValid(schema: Schema, value: unknown): boolean {
  return compiled(schema, "exact")(value);
}
