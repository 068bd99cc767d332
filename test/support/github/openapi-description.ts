/**
 * GitHub's published REST API description (`@octokit/openapi`), loaded
 * once and lazily: the dereferenced file is about 70 MB.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** A JSON Schema fragment from the description. */
export type Schema = Record<string, unknown>;

/** One parameter of an operation, as the description declares it. */
export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: Schema;
}

/** One operation: a method on a path template. */
export interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: {
    required?: boolean;
    content: Record<string, { schema?: Schema }>;
  };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

interface Description {
  paths: Record<string, Record<string, Operation>>;
}

const FILE = "@octokit/openapi/generated/api.github.com.deref.json";

let loaded: Description | undefined;

/** The parsed description; the first call reads the file. */
export function restDescription(): Description {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const file = require.resolve(FILE);
  loaded = JSON.parse(readFileSync(file, "utf8")) as Description;
  return loaded;
}
