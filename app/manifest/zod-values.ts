import type { LoadedYaml, YamlPath } from "./yaml-load.js";

/** The value at `path` of a loaded document, following own keys only. */
export function valueAt(
  root: unknown,
  path: YamlPath,
): { exists: boolean; value: unknown } {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== "object") {
      return { exists: false, value: undefined };
    }
    const key = String(segment);
    if (!Object.prototype.hasOwnProperty.call(current, key)) {
      return { exists: false, value: undefined };
    }
    current = (current as Record<string, unknown>)[key];
  }
  return { exists: true, value: current };
}

/**
 * Describes what the user wrote at `path`, using the source text for
 * scalars so that `1.10` is shown as written, not as `1.1`.
 */
export function describeFound(
  loaded: LoadedYaml,
  path: YamlPath,
  value: unknown,
): string {
  const source = loaded.sourceText?.(path);
  if (value === undefined) return "nothing";
  if (value === null) {
    if (!source) return "an empty value";
    return source === "null" ? "null" : `${source} (null)`;
  }
  if (typeof value === "string") return shorten(JSON.stringify(value));
  if (typeof value === "number") return `${source ?? value} (a number)`;
  if (typeof value === "boolean") return `${source ?? value} (a boolean)`;
  if (Array.isArray(value)) {
    return `a list of ${value.length} item${value.length === 1 ? "" : "s"}`;
  }
  return "a mapping";
}

/** What a kind of value is called in messages, with an article. */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "boolean") return "a boolean";
  if (typeof value === "number") return "a number";
  if (typeof value === "string") return "a string";
  return "nothing";
}

const EXPECTED_NAMES: Readonly<Record<string, string>> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "a mapping of keys to values",
  record: "a mapping of keys to values",
  array: "a list",
  tuple: "a list",
  null: "null",
};

/** Names a zod `expected` type for people: `int` is "a whole number". */
export function describeExpected(expected: string): string {
  return EXPECTED_NAMES[expected] ?? expected;
}

/** Shortens long text shown back to the user. */
export function shorten(text: string): string {
  return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}
