/**
 * Reads a template's `compose.yaml` for one set of parameter values:
 * YAML, then interpolation, then key checks, then the schema. Pure: the
 * same text and values give the same result.
 */
import type { Finding } from "../manifest/finding.js";
import type { LoadedYaml } from "../manifest/yaml-load.js";
import { makeFinding } from "../manifest/make-finding.js";
import { formatYamlPath } from "../manifest/yaml-path.js";
import { zodIssuesToFindings } from "../manifest/zod-findings.js";
import { ComposeFile } from "./compose-schema.js";
import { loadComposeYaml } from "./load-compose-yaml.js";
import { checkComposeKeys } from "./compose-keys.js";
import { findInterpolationProblems, interpolateTree } from "./interpolate.js";

export interface ParsedCompose {
  compose?: ComposeFile;
  /** The file as loaded, for positions; absent when YAML failed. */
  loaded?: LoadedYaml;
  findings: Finding[];
}

/**
 * Parses `text` (the Compose file `file`, relative to the repository)
 * with `variables` interpolated. Findings point into the file.
 */
export function parseCompose(
  file: string,
  text: string,
  variables: Readonly<Record<string, string>>,
): ParsedCompose {
  const { loaded, findings } = loadComposeYaml(file, text);
  if (!loaded) return { findings };

  const keys = checkComposeKeys(loaded.value);
  const problems = [
    ...interpolationFindings(file, loaded, variables),
    ...keys.problems.map((problem) =>
      makeFinding(file, loaded.locateKey(problem.path), {
        path: formatYamlPath(problem.path),
        message: problem.message,
        fix: problem.fix,
      }),
    ),
  ];
  const interpolated = interpolateTree(keys.cleaned, variables);
  const parsed = ComposeFile.safeParse(interpolated);
  if (!parsed.success) {
    problems.push(...zodIssuesToFindings(file, loaded, parsed.error.issues));
  }
  if (problems.length > 0 || !parsed.success) {
    return { loaded, findings: problems };
  }
  return { compose: parsed.data, loaded, findings: [] };
}

function interpolationFindings(
  file: string,
  loaded: LoadedYaml,
  variables: Readonly<Record<string, string>>,
): Finding[] {
  const known = new Set(Object.keys(variables));
  const top = isRecord(loaded.value) ? loaded.value : {};
  const scanned = Object.fromEntries(
    Object.entries(top).filter(([key]) => !key.startsWith("x-")),
  );
  return findInterpolationProblems(scanned, known).map((problem) =>
    makeFinding(file, loaded.locate(problem.path), {
      path: formatYamlPath(problem.path),
      message: problem.message,
      fix: problem.fix,
    }),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
