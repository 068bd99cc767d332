import type { z } from "zod";
import { HIDDEN, isSecretName } from "./secret-names.js";
import type { Finding } from "./finding.js";
import { makeFinding, sortFindings } from "./make-finding.js";
import { closestWord } from "./suggest.js";
import type { LoadedYaml, YamlPath } from "./yaml-load.js";
import { formatYamlPath } from "./yaml-path.js";
import { describeIssue, issueContext } from "./zod-issue-drafts.js";
import { knownKeysAt } from "./zod-schema-keys.js";
import { describeExpected, valueAt } from "./zod-values.js";

type Issue = z.core.$ZodIssue;

const MISSING_CODES = new Set([
  "invalid_type",
  "invalid_value",
  "invalid_union",
]);

/**
 * Maps zod issues to findings that point at the exact YAML node: a wrong
 * value at the value, an unknown or invalid key at the key, a missing key
 * at its parent's key. With `schema`, an unknown key also gets the closest
 * allowed key as a suggestion (`sepc` -> `spec`), and the "missing" finding
 * that the typo causes is folded into it. Findings come back sorted by
 * position.
 */
export function zodIssuesToFindings(
  file: string,
  loaded: LoadedYaml,
  issues: readonly Issue[],
  schema?: z.core.$ZodType,
): Finding[] {
  const findings: Finding[] = [];
  const missing: { key: string; finding: Finding }[] = [];
  const suggested = new Set<string>();

  for (const issue of issues) {
    const path = toYamlPath(issue.path);
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const known = schema ? knownKeysAt(schema, path) : [];
        const finding = unknownKey(file, loaded, [...path, key], known);
        findings.push(finding.finding);
        if (finding.suggestion) {
          suggested.add(formatYamlPath([...path, finding.suggestion]));
        }
      }
      continue;
    }
    if (isMissing(issue, loaded, path)) {
      const finding = missingKey(file, loaded, issue, path);
      missing.push({ key: finding.path, finding });
      continue;
    }
    findings.push(
      hideSecret(wrongValue(file, loaded, issue, path), loaded, path),
    );
  }

  for (const { key, finding } of missing) {
    if (!suggested.has(key)) findings.push(finding);
  }
  return sortFindings(unique(findings));
}

/**
 * A finding about a value whose key names a secret (`POSTGRES_PASSWORD`)
 * without the value itself: findings reach logs and pull requests.
 */
function hideSecret(
  finding: Finding,
  loaded: LoadedYaml,
  path: YamlPath,
): Finding {
  const [spec, section, key] = path;
  const settings = section === "env" || section === "parameters";
  if (spec !== "spec" || !settings || path.length !== 3) return finding;
  if (typeof key !== "string" || !isSecretName(key)) return finding;
  const source = loaded.sourceText?.(path);
  if (!source) return finding;
  const hide = (text?: string) => text?.split(source).join(HIDDEN);
  return {
    ...finding,
    message: hide(finding.message) ?? finding.message,
    ...(finding.found !== undefined && { found: hide(finding.found) }),
    ...(finding.fix !== undefined && { fix: hide(finding.fix) }),
  };
}

/** A zod path as a YAML path: keys and indices, symbols dropped. */
export function toYamlPath(path: readonly PropertyKey[]): YamlPath {
  return path.filter(
    (segment): segment is string | number => typeof segment !== "symbol",
  );
}

function wrongValue(
  file: string,
  loaded: LoadedYaml,
  issue: Issue,
  path: YamlPath,
): Finding {
  const draft = describeIssue(issue, issueContext(loaded, path));
  const position =
    issue.code === "invalid_key" ? loaded.locateKey(path) : loaded.locate(path);
  return makeFinding(file, position, { path: formatYamlPath(path), ...draft });
}

function isMissing(issue: Issue, loaded: LoadedYaml, path: YamlPath) {
  if (path.length === 0 || !MISSING_CODES.has(issue.code)) return false;
  return !valueAt(loaded.value, path).exists;
}

function missingKey(
  file: string,
  loaded: LoadedYaml,
  issue: Issue,
  path: YamlPath,
): Finding {
  const parent = path.slice(0, -1);
  const key = String(path.at(-1));
  const literal =
    issue.code === "invalid_value" && issue.values.length === 1
      ? ` ${String(issue.values[0])}`
      : "";
  const where =
    parent.length > 0 ? `under ${formatYamlPath(parent)}` : "at the top level";
  const position =
    parent.length > 0 ? loaded.locateKey(parent) : loaded.locate([]);
  return makeFinding(file, position, {
    path: formatYamlPath(path),
    message: `required key "${key}" is missing`,
    expected: expectedOf(issue),
    fix: `add ${key}:${literal} ${where}`,
  });
}

function expectedOf(issue: Issue): string | undefined {
  if (issue.code === "invalid_type") return describeExpected(issue.expected);
  if (issue.code === "invalid_value") {
    return issue.values.map((value) => JSON.stringify(value)).join(" or ");
  }
  return undefined;
}

function unknownKey(
  file: string,
  loaded: LoadedYaml,
  path: YamlPath,
  known: readonly string[],
): { finding: Finding; suggestion?: string } {
  const key = String(path.at(-1));
  const suggestion = closestWord(key, known);
  const taken =
    suggestion !== undefined &&
    valueAt(loaded.value, [...path.slice(0, -1), suggestion]).exists;
  const fix = !suggestion
    ? "remove it, or check the spelling"
    : taken
      ? `remove it; ${suggestion} is already set`
      : `rename it to ${suggestion}`;

  const finding = makeFinding(file, loaded.locateKey(path), {
    path: formatYamlPath(path),
    message:
      `unknown key "${key}"` +
      (suggestion ? `; did you mean "${suggestion}"?` : ""),
    found: JSON.stringify(key),
    ...(known.length > 0 ? { expected: `one of ${known.join(", ")}` } : {}),
    fix,
  });
  return suggestion && !taken ? { finding, suggestion } : { finding };
}

function unique(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = [finding.line, finding.column, finding.path, finding.message];
    const text = key.join("\u0000");
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}
