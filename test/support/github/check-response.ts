/**
 * Checks a response against the schema that GitHub's REST description gives
 * for its operation and status.
 */
import { findOperation } from "./find-operation.js";
import type { Schema } from "./openapi-description.js";
import { schemaErrors } from "./schema-validator.js";

/**
 * Places where GitHub's real answers differ from its own description. The
 * double answers as GitHub does, so these are not errors.
 */
const KNOWN_DEVIATIONS: { template: RegExp; error: RegExp }[] = [
  // A pull request whose fork was deleted has `head.repo: null`.
  { template: /\/pulls/, error: /^(\/\d+)?\/head\/repo must be object/ },
  // Deployment statuses carry "" for URLs that were not given.
  {
    template: /\/deployments\/.*statuses/,
    error: /\/(target_url|environment_url|log_url) must match format "uri"/,
  },
];

/** The JSON schema of a response, if the description has one. */
export function responseSchema(
  method: string,
  path: string,
  status: number,
): Schema | undefined {
  const match = findOperation(method, path);
  const response = match?.operation.responses[String(status)];
  return response?.content?.["application/json"]?.schema;
}

/**
 * Why `body` is not what GitHub answers to `method path` with `status`;
 * empty when it is valid. `path` is the request path without `/api/v3`.
 */
export function responseErrors(
  method: string,
  path: string,
  status: number,
  body: unknown,
): string[] {
  const match = findOperation(method, path);
  if (!match) return [`${method} ${path} is not a GitHub endpoint`];
  const response = match.operation.responses[String(status)];
  if (!response) {
    const declared = Object.keys(match.operation.responses).join(", ");
    return [
      `${method} ${match.template} never answers ${status} (${declared})`,
    ];
  }
  const schema = response.content?.["application/json"]?.schema;
  if (!schema) return [];
  return schemaErrors(schema, body).filter(
    (error) =>
      !KNOWN_DEVIATIONS.some(
        (d) => d.template.test(match.template) && d.error.test(error),
      ),
  );
}
