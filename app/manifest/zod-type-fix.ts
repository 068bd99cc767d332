import { describeExpected } from "./zod-values.js";

/**
 * How to turn what was written into the type the schema expects: quote a
 * number that must be text, unquote a number, and so on.
 */
export function typeFix(
  expected: string,
  value: unknown,
  source: string | undefined,
): string {
  const written = source || String(value);
  switch (expected) {
    case "string":
      return stringFix(value, source);
    case "number":
    case "int":
      return numberFix(expected, value);
    case "boolean":
      return typeof value === "string" && /^(true|false)$/i.test(value)
        ? `write ${value.toLowerCase()} without quotes`
        : "write true or false";
    case "object":
    case "record":
      return Array.isArray(value)
        ? "write key: value pairs instead of a list"
        : "write its keys under it, indented";
    case "array":
    case "tuple":
      return value === null
        ? "list at least one item, or remove it"
        : `write it as a list: [${written}]`;
    default:
      return `change it to ${describeExpected(expected)}`;
  }
}

function stringFix(value: unknown, source: string | undefined): string {
  if (value !== null && typeof value === "object") {
    return "write a single value in quotes";
  }
  if (value === null && !source) {
    return 'write a value, or "" for an empty string';
  }
  return `quote it: ${JSON.stringify(source || String(value))}`;
}

function numberFix(expected: string, value: unknown): string {
  if (typeof value === "string" && value.trim() !== "") {
    if (Number.isFinite(Number(value))) {
      return `remove the quotes: ${value.trim()}`;
    }
  }
  if (expected === "int" && typeof value === "number") {
    return "write a whole number";
  }
  return `write ${describeExpected(expected)}`;
}
