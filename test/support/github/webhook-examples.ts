/**
 * Real webhook payloads from `@octokit/webhooks-examples`, and the overlay
 * that adjusts them to a scenario without adding keys GitHub does not send.
 */
import { createRequire } from "node:module";

interface Definition {
  name: string;
  examples: Record<string, unknown>[];
}

let definitions: Definition[] | undefined;

/** A copy of a real example of `event` with `action` (an installed app's). */
export function webhookExample(
  event: string,
  action?: string,
): Record<string, unknown> {
  const require = createRequire(import.meta.url);
  definitions ??= require("@octokit/webhooks-examples") as Definition[];
  const examples = definitions.find((d) => d.name === event)?.examples ?? [];
  const matching = examples.filter(
    (e) => action === undefined || e["action"] === action,
  );
  const chosen = matching.find((e) => e["installation"]) ?? matching[0];
  if (!chosen) {
    throw new Error(
      `@octokit/webhooks-examples has no ${event} ${action ?? ""} ` +
        "example: pick an event and action that GitHub sends.",
    );
  }
  return structuredClone(chosen);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * `template` with the values of `real` for the keys `template` has: nested
 * objects merge the same way, `null`, arrays and scalars replace.
 */
export function overlay(template: unknown, real: unknown): unknown {
  if (real === undefined) return template;
  if (!isObject(real) || !isObject(template)) return real;
  const result: Record<string, unknown> = { ...template };
  for (const key of Object.keys(template)) {
    result[key] = overlay(template[key], real[key]);
  }
  return result;
}
