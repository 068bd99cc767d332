/**
 * Checks a request's parameters and body against the operation that GitHub's
 * REST description declares for it.
 */
import type { MatchedOperation } from "./find-operation.js";
import { schemaErrors } from "./schema-validator.js";

function parameterErrors(
  match: MatchedOperation,
  query: Record<string, string>,
): string[] {
  const errors: string[] = [];
  const declared = match.operation.parameters ?? [];
  for (const parameter of declared) {
    if (parameter.in !== "path" && parameter.in !== "query") continue;
    const source = parameter.in === "path" ? match.params : query;
    const value = source[parameter.name];
    if (value === undefined) {
      if (parameter.required) {
        errors.push(
          `missing required ${parameter.in} parameter ${parameter.name}`,
        );
      }
      continue;
    }
    if (!parameter.schema) continue;
    for (const error of schemaErrors(parameter.schema, value, "coerce")) {
      errors.push(
        `${parameter.in} parameter ${parameter.name}=` +
          `${JSON.stringify(value)}: ${error}`,
      );
    }
  }
  const known = new Set(
    declared.filter((p) => p.in === "query").map((p) => p.name),
  );
  for (const name of Object.keys(query)) {
    if (!known.has(name)) {
      errors.push(`unknown query parameter ${name} (GitHub ignores it)`);
    }
  }
  return errors;
}

function bodyErrors(match: MatchedOperation, body: unknown): string[] {
  const declared = match.operation.requestBody;
  const schema = declared?.content["application/json"]?.schema;
  if (body === undefined) {
    return declared?.required ? ["missing required JSON body"] : [];
  }
  if (!schema) return ["this endpoint takes no JSON body"];
  return schemaErrors(schema, body).map((error) => `body ${error}`);
}

/**
 * Everything about the request that GitHub would refuse: parameters and
 * body. Empty when the request is acceptable.
 */
export function requestErrors(
  match: MatchedOperation,
  query: Record<string, string>,
  body: unknown,
): { parameters: string[]; body: string[] } {
  return {
    parameters: parameterErrors(match, query),
    body: bodyErrors(match, body),
  };
}
