/** The manifests of the bench's Swarm sections, on the fixture template. */
import type { ManifestInput } from "./manifest-yaml.js";

/**
 * An environment of template `web` (or `idle`). Berth makes the manifest's
 * resources both reservation and limit, so it sets memory only: a CPU
 * share small enough for twenty to fit next to other work would throttle
 * every healthcheck for seconds.
 */
export function webManifest(name: string, template = "web"): ManifestInput {
  return {
    name,
    template,
    owners: ["bench"],
    labels: { purpose: "bench" },
    parameters: { greeting: `hello from ${name}` },
    resources: { memory: "32Mi" },
    expiresAfter: "1h",
    ports: [{ service: "web", port: 8080, name: "http" }],
  };
}

/** `count` manifests named `PREFIX-0`, `PREFIX-1`, ... */
export function webManifests(
  prefix: string,
  count: number,
  template = "web",
): ManifestInput[] {
  return Array.from({ length: count }, (_, i) =>
    webManifest(`${prefix}-${i}`, template),
  );
}
