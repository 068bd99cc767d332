/**
 * Checks webhook payloads against GitHub's webhook schemas
 * (`@octokit/webhooks-schemas`).
 */
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import formats from "ajv-formats";

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function instance(): Ajv {
  if (ajv) return ajv;
  const require = createRequire(import.meta.url);
  const schema = require("@octokit/webhooks-schemas/schema.json") as object;
  ajv = new Ajv({ strict: false, allErrors: true });
  (formats as unknown as (a: Ajv) => Ajv)(ajv);
  ajv.addSchema({ ...schema, $id: "webhooks" });
  return ajv;
}

function definitionName(event: string, action: string | undefined) {
  return action ? `${event}$${action}` : `${event}$event`;
}

/**
 * Why `payload` is not a valid `event` (with its `action`) webhook; empty
 * when GitHub could have sent it.
 */
export function webhookErrors(event: string, payload: object): string[] {
  const action = (payload as { action?: unknown }).action;
  const name = definitionName(
    event,
    typeof action === "string" ? action : undefined,
  );
  let validate = compiled.get(name);
  if (!validate) {
    const found = instance().getSchema(`webhooks#/definitions/${name}`);
    if (!found) return [`there is no webhook schema for ${name}`];
    validate = found;
    compiled.set(name, validate);
  }
  if (validate(payload)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || "(top level)"} ${e.message ?? e.keyword}`,
  );
}

/** Throws when `payload` is not something GitHub would send. */
export function assertWebhook(event: string, payload: object): void {
  const errors = webhookErrors(event, payload);
  if (errors.length === 0) return;
  throw new Error(
    `The ${event} payload is not valid under @octokit/webhooks-schemas, so ` +
      `GitHub would never send it:\n  ${errors.slice(0, 20).join("\n  ")}`,
  );
}
