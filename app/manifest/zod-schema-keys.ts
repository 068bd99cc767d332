import type { z } from "zod";

type Schema = z.core.$ZodType;

/** The parts of zod's schema definitions that paths walk through. */
interface LooseDef {
  type: string;
  innerType?: Schema;
  in?: Schema;
  getter?: () => Schema;
  shape?: Record<string, Schema>;
  valueType?: Schema;
  element?: Schema;
  options?: readonly Schema[];
  left?: Schema;
  right?: Schema;
}

const WRAPPERS = new Set([
  "optional",
  "nullable",
  "default",
  "prefault",
  "catch",
  "readonly",
  "nonoptional",
]);

/**
 * The keys an object schema allows at `path`, walking through optional,
 * default, pipe, lazy, record, array and union schemas. Empty when the
 * path does not lead to an object schema.
 */
export function knownKeysAt(
  schema: Schema,
  path: readonly (string | number)[],
): string[] {
  let current: Schema | undefined = schema;
  for (const segment of path) {
    if (!current) return [];
    current = childSchema(current, String(segment));
  }
  const shape = current ? objectShape(current) : undefined;
  return shape ? Object.keys(shape) : [];
}

function childSchema(schema: Schema, key: string): Schema | undefined {
  const def = unwrap(schema);
  if (def.shape) return def.shape[key];
  if (def.valueType) return def.valueType;
  if (def.element) return def.element;
  const branches = def.options ?? [def.left, def.right];
  for (const branch of branches) {
    const child = branch ? childSchema(branch, key) : undefined;
    if (child) return child;
  }
  return undefined;
}

function objectShape(schema: Schema): Record<string, Schema> | undefined {
  const def = unwrap(schema);
  if (def.shape) return def.shape;
  for (const branch of def.options ?? [def.left, def.right]) {
    const shape = branch ? objectShape(branch) : undefined;
    if (shape) return shape;
  }
  return undefined;
}

function unwrap(schema: Schema): LooseDef {
  let def = schema._zod.def as unknown as LooseDef;
  for (let step = 0; step < 32; step += 1) {
    const inner = WRAPPERS.has(def.type)
      ? def.innerType
      : def.type === "pipe"
        ? def.in
        : def.type === "lazy"
          ? def.getter?.()
          : undefined;
    if (!inner) return def;
    def = inner._zod.def as unknown as LooseDef;
  }
  return def;
}
