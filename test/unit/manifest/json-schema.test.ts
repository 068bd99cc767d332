import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { manifestJsonSchema } from "../../../app/manifest/json-schema.js";

type Node = {
  $id?: string;
  title?: string;
  type?: string | string[];
  pattern?: string;
  required?: string[];
  additionalProperties?: unknown;
  properties?: Record<string, Node>;
};

describe("manifestJsonSchema", () => {
  const schema = manifestJsonSchema() as Node;
  const spec = schema.properties?.spec as Node;

  it("identifies itself for editors", () => {
    expect(schema.$id).toMatch(/^https:\/\//);
    expect(schema.title).toBe("Berth environment manifest");
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it("forbids unknown keys and requires the four top-level keys", () => {
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(["apiVersion", "kind", "metadata", "spec"]);
    expect(spec.additionalProperties).toBe(false);
  });

  it("describes what users write, not what Berth computes", () => {
    const resources = spec.properties?.resources?.properties;

    expect(spec.properties?.expiresAfter?.type).toBe("string");
    expect(resources?.memory?.type).toEqual(["string", "integer"]);
    expect(spec.required).toEqual(["template"]);
  });

  it("carries the name pattern", () => {
    const metadata = schema.properties?.metadata?.properties;

    expect(metadata?.name?.pattern).toBe("^[a-z]([a-z0-9-]*[a-z0-9])?$");
  });
});

describe("schema/manifest.schema.json", () => {
  it("is the schema that `berth schema` prints", () => {
    const path = new URL(
      "../../../schema/manifest.schema.json",
      import.meta.url,
    );
    const committed: unknown = JSON.parse(readFileSync(path, "utf8"));

    expect(
      committed,
      "regenerate it: npx berth schema > schema/manifest.schema.json",
    ).toEqual(manifestJsonSchema());
  });
});
