/**
 * Checks the keys of a Compose tree before its schema does: a refused key
 * is reported by name with its reason, an unknown key with the nearest
 * accepted one. Both are then removed, so that the schema reports only
 * what is wrong with the values.
 */
import {
  BuildObject,
  ComposeService,
  Deploy,
  Healthcheck,
  LongVolume,
  TopConfig,
  TopVolume,
} from "./compose-schema.js";
import {
  REFUSED_BUILD_KEYS,
  REFUSED_CONFIG_KEYS,
  REFUSED_DEPLOY_KEYS,
  REFUSED_MOUNT_KEYS,
  REFUSED_SERVICE_KEYS,
  REFUSED_TOP_KEYS,
  REFUSED_VOLUME_KEYS,
} from "./compose-refusals.js";
import { nearestName } from "./nearest-name.js";

export type TreePath = (string | number)[];

export interface KeyProblem {
  /** Path of the offending key itself. */
  path: TreePath;
  message: string;
  fix: string;
}

interface Level {
  /** What an object at this level is called in messages. */
  what: string;
  allowed: readonly string[];
  refused: Record<string, string>;
}

const TOP: Level = {
  what: "the Compose file",
  allowed: ["version", "services", "volumes", "configs"],
  refused: REFUSED_TOP_KEYS,
};

const LEVELS: [pattern: string[], level: Level][] = [
  [["services", "*"], level("a service", ComposeService, REFUSED_SERVICE_KEYS)],
  [["services", "*", "deploy"], level("deploy", Deploy, REFUSED_DEPLOY_KEYS)],
  [["services", "*", "build"], level("build", BuildObject, REFUSED_BUILD_KEYS)],
  [["services", "*", "healthcheck"], level("healthcheck", Healthcheck, {})],
  [
    ["services", "*", "volumes", "#"],
    level("a service volume", LongVolume, REFUSED_MOUNT_KEYS),
  ],
  [
    ["volumes", "*"],
    level("a volume", TopVolume.unwrap(), REFUSED_VOLUME_KEYS),
  ],
  [["configs", "*"], level("a config", TopConfig, REFUSED_CONFIG_KEYS)],
];

function level(
  what: string,
  schema: { shape: Record<string, unknown> },
  refused: Record<string, string>,
): Level {
  return { what, allowed: Object.keys(schema.shape), refused };
}

/**
 * Returns the key problems of a Compose tree and the tree without the
 * offending keys (and without `x-` extension keys at the top).
 */
export function checkComposeKeys(value: unknown): {
  problems: KeyProblem[];
  cleaned: unknown;
} {
  const problems: KeyProblem[] = [];
  const cleaned = walk(value, [], problems);
  return { problems, cleaned };
}

function walk(value: unknown, path: TreePath, problems: KeyProblem[]): unknown {
  if (Array.isArray(value)) {
    return value.map((item, index) => walk(item, [...path, index], problems));
  }
  if (!isRecord(value)) return value;

  const current = levelAt(path);
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (path.length === 0 && key.startsWith("x-")) continue;
    const problem = current && keyProblem(current, key, [...path, key]);
    if (problem) {
      problems.push(problem);
      continue;
    }
    result[key] = walk(item, [...path, key], problems);
  }
  return result;
}

function levelAt(path: TreePath): Level | undefined {
  if (path.length === 0) return TOP;
  const found = LEVELS.find(
    ([pattern]) =>
      pattern.length === path.length &&
      pattern.every((part, i) => matches(part, path[i])),
  );
  return found?.[1];
}

function matches(part: string, segment: string | number | undefined) {
  if (part === "*") return typeof segment === "string";
  if (part === "#") return typeof segment === "number";
  return part === segment;
}

function keyProblem(
  current: Level,
  key: string,
  path: TreePath,
): KeyProblem | undefined {
  if (current.allowed.includes(key)) return undefined;

  const reason = current.refused[key];
  if (reason !== undefined) {
    return {
      path,
      message: `${key} is not accepted in ${current.what}: ${reason}`,
      fix: `remove ${key}`,
    };
  }
  const near = nearestName(key, current.allowed);
  return {
    path,
    message: `${key} is not a key Berth knows in ${current.what}`,
    fix: near
      ? `did you mean ${near}?`
      : `use one of: ${current.allowed.join(", ")}`,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
