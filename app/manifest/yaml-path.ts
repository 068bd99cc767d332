import type { YamlPath } from "./yaml-load.js";

const PLAIN_SEGMENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Formats a path of keys and indices for people:
 * `spec.env.API_VERSION`, `spec.access.ports[0].name`,
 * `metadata.labels["app.kubernetes.io/name"]`.
 */
export function formatYamlPath(path: YamlPath): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") {
      text += `[${segment}]`;
    } else if (PLAIN_SEGMENT.test(segment)) {
      text += text === "" ? segment : `.${segment}`;
    } else {
      text += `[${JSON.stringify(segment)}]`;
    }
  }
  return text;
}

/**
 * The key under which a scalar key lands in the loaded object: its resolved
 * value as a string, so that `8080:` and `"8080":` are the same key.
 */
export function scalarKeyText(value: unknown): string {
  return String(value);
}
