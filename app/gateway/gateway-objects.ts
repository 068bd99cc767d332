/**
 * Idempotent helpers for the gateway's own Swarm objects: configs and
 * secrets named by a hash of their content, and services that are
 * changed only when the hash of their spec changed.
 */
import { createHash } from "node:crypto";
import { COMPONENT_LABEL, SPEC_HASH_LABEL } from "../swarm/labels.js";
import type { ServiceSpec } from "../swarm/spec-types.js";
import type { SwarmClient } from "../swarm/swarm-client.js";

/** `<prefix>-<first 8 hex of sha256(content)>`. */
export function hashedName(prefix: string, content: string | Buffer): string {
  const hash = createHash("sha256").update(content).digest("hex");
  return `${prefix}-${hash.slice(0, 8)}`;
}

/** Creates the config or secret `name` unless it exists; returns its ID. */
export async function ensureDataObject(
  swarm: SwarmClient,
  kind: "configs" | "secrets",
  object: { name: string; data: Buffer; labels: Record<string, string> },
): Promise<string> {
  const existing = await swarm.listDataObjects(kind, [COMPONENT_LABEL]);
  const found = existing.find((item) => item.name === object.name);
  if (found) return found.id;
  const input = {
    name: object.name,
    data: object.data.toString("base64"),
    labels: object.labels,
  };
  return kind === "configs"
    ? swarm.createConfig(input)
    : swarm.createSecret(input);
}

/**
 * Creates `spec`'s service, or updates it when its spec hash label
 * differs; returns what it did.
 */
export async function ensureService(
  swarm: SwarmClient,
  spec: ServiceSpec,
): Promise<"created" | "updated" | "unchanged"> {
  const live = await swarm.inspectService(spec.Name);
  if (!live) {
    await swarm.createService(spec);
    return "created";
  }
  const hash = (s: ServiceSpec) => s.Labels?.[SPEC_HASH_LABEL];
  if (hash(live.spec) === hash(spec)) return "unchanged";
  await swarm.updateService(live, spec);
  return "updated";
}
