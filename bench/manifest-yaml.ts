/**
 * Writes an environment manifest as YAML, in one of a few styles that
 * people use (block, flow mappings, a schema comment), so that the parser
 * sees more than one shape.
 */
import { Document, isCollection } from "yaml";

export interface AccessPort {
  service: string;
  port: number;
  name: string;
}

export interface ManifestInput {
  name: string;
  template: string;
  owners: string[];
  labels?: Record<string, string>;
  parameters?: Record<string, string | number | boolean>;
  repositories?: { url: string; ref?: string }[];
  resources?: { cpus?: number; memory?: string };
  env?: Record<string, string>;
  expiresAfter?: string;
  ports: AccessPort[];
}

export type ManifestStyle = "block" | "flow" | "commented";

const SCHEMA_COMMENT =
  "# yaml-language-server: $schema=../schema/manifest.schema.json\n";

/** The manifest of `input` as YAML text in `style`. */
export function manifestYaml(
  input: ManifestInput,
  style: ManifestStyle = "block",
): string {
  const { name, owners, labels, ports, ...spec } = input;
  const doc = new Document({
    apiVersion: "berth.dev/v1",
    kind: "Environment",
    metadata: { name, owners, ...(labels && { labels }) },
    spec: { ...spec, access: { ports } },
  });
  if (style !== "block") flowInnerCollections(doc);
  const text = doc.toString({ lineWidth: 0 });
  return style === "commented" ? SCHEMA_COMMENT + text : text;
}

/** Writes lists and maps below `spec.x` on one line, `{ a: 1 }` style. */
function flowInnerCollections(doc: Document): void {
  for (const path of [
    ["metadata", "owners"],
    ["metadata", "labels"],
    ["spec", "parameters"],
    ["spec", "resources"],
    ["spec", "env"],
  ]) {
    const node = doc.getIn(path, true);
    if (isCollection(node)) node.flow = true;
  }
}
