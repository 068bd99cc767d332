import { z } from "zod";
import { ManifestSchema } from "./schema.js";

/**
 * The JSON Schema of environment manifests as users write them (the input
 * side: durations and sizes are strings, defaulted keys optional), for
 * editors such as yaml-language-server and for `berth schema`.
 */
export function manifestJsonSchema(): object {
  const generated = z.toJSONSchema(ManifestSchema, {
    io: "input",
    unrepresentable: "any",
  });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: "https://berth.dev/schemas/manifest-v1.json",
    title: "Berth environment manifest",
    ...rest,
  };
}
