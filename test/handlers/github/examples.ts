/**
 * Real webhook payloads from `@octokit/webhooks-examples`, copied so that
 * a test can adjust them to its scenario.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

interface Definition {
  name: string;
  examples: Record<string, unknown>[];
}

/** A deep copy of the first example of `event` with `action`. */
export function example(event: string, action?: string) {
  const all = require("@octokit/webhooks-examples") as Definition[];
  const found = all
    .find((d) => d.name === event)
    ?.examples.find((e) => action === undefined || e.action === action);
  if (!found) throw new Error(`no example of ${event}.${action ?? ""}`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return structuredClone(found) as Record<string, any>;
}
