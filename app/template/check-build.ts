/**
 * Checks a service's `build:` for what can be seen without reading files:
 * the context and Dockerfile stay inside the template folder, and every
 * build argument has a value.
 */
import { posix } from "node:path";
import type { YamlPath } from "../manifest/yaml-load.js";
import type { ComposeService } from "./compose-schema.js";
import { mapEntries } from "./compose-values.js";

type Report = (path: YamlPath, message: string, fix: string) => void;

/** Build settings with Compose's defaults. */
export interface BuildSettings {
  /** Context relative to the template folder, normalised (`workspace`). */
  context: string;
  /** Dockerfile relative to the context. */
  dockerfile: string;
  args: [key: string, value: string | undefined][];
}

/** Reads `build:` (a path or an object) with Compose's defaults. */
export function buildSettings(
  build: NonNullable<ComposeService["build"]>,
): BuildSettings {
  const long = typeof build === "string" ? { context: build } : build;
  return {
    context: posix.normalize(long.context),
    dockerfile: posix.normalize(
      "dockerfile" in long && long.dockerfile ? long.dockerfile : "Dockerfile",
    ),
    args: "args" in long ? mapEntries(long.args) : [],
  };
}

/** Reports problems of one service's `build:`. */
export function checkBuild(
  build: ComposeService["build"],
  path: YamlPath,
  report: Report,
): void {
  if (build === undefined) return;
  const settings = buildSettings(build);

  if (escapes(settings.context)) {
    report(
      typeof build === "string" ? path : [...path, "context"],
      `the build context ${settings.context} is outside the template folder`,
      "keep every build context inside templates/<name>/",
    );
  }
  if (escapes(settings.dockerfile)) {
    report(
      [...path, "dockerfile"],
      `the Dockerfile ${settings.dockerfile} is outside the build context`,
      "put the Dockerfile inside the build context",
    );
  }
  settings.args.forEach(([key, value], index) => {
    if (value !== undefined) return;
    report(
      [...path, "args", index],
      `the build argument ${key} has no value`,
      `write ${key}=VALUE, or a \${parameter}`,
    );
  });
}

function escapes(relativePath: string): boolean {
  return (
    posix.isAbsolute(relativePath) ||
    relativePath === ".." ||
    relativePath.startsWith("../")
  );
}
