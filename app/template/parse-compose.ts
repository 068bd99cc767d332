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
import { deepFreeze } from "./deep-freeze.js";
import { checkComposeKeys } from "./compose-keys.js";
import { findInterpolationProblems, interpolateTree } from "./interpolate.js";

export interface ParsedCompose {
  compose?: ComposeFile;
  /** The file as loaded, for positions; absent when YAML failed. */
  loaded?: LoadedYaml;
  findings: Finding[];
}

/** Results kept: validation and rendering of a plan parse each twice. */
const MAX_RESULTS = 4096;
const results = new Map<string, ParsedCompose>();
const keyChecks = new WeakMap<object, ReturnType<typeof checkComposeKeys>>();

/**
 * Parses `text` (the Compose file `file`, relative to the repository)
 * with `variables` interpolated. Findings point into the file. The same
 * input gives the same, frozen, result: checking a manifest and then
 * rendering it parse once.
 */
export function parseCompose(
  file: string,
  text: string,
  variables: Readonly<Record<string, string>>,
): ParsedCompose {
  const key = JSON.stringify([file, text, variables]);
  let result = results.get(key);
  if (!result) {
    result = deepFreeze(parseFresh(file, text, variables));
    if (results.size >= MAX_RESULTS)
      results.delete(results.keys().next().value!);
    results.set(key, result);
  }
  return { ...result, findings: result.findings.map((f) => ({ ...f })) };
}

function parseFresh(
  file: string,
  text: string,
  variables: Readonly<Record<string, string>>,
): ParsedCompose {
  const { loaded, findings } = loadComposeYaml(file, text);
  if (!loaded) return { findings };

  const keys = checkKeysOnce(loaded.value);
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

/** Key checks depend on the loaded text only, which is loaded once. */
function checkKeysOnce(value: unknown) {
  if (typeof value !== "object" || value === null) {
    return checkComposeKeys(value);
  }
  let checked = keyChecks.get(value);
  if (!checked) {
    checked = checkComposeKeys(value);
    keyChecks.set(value, checked);
  }
  return checked;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
