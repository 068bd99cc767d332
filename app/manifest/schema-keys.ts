import { z } from "zod";
import { addProblem, quoted } from "./schema-issue.js";

/** How the keys of one mapping (env, labels, parameters) are checked. */
export interface KeyRule {
  /** What the key names, for messages: `environment variable name`. */
  what: string;
  pattern: string;
  expected: string;
  max?: number;
  /** Prefixes users may not use, with the reason. */
  reserved?: readonly (readonly [prefix: string, owner: string])[];
  /** A corrected key to suggest, when one can be derived. */
  suggest?: (key: string) => string;
}

/** A string schema for record keys that explains every refusal. */
export function recordKey(rule: KeyRule) {
  const regex = new RegExp(rule.pattern);
  return z
    .string()
    .superRefine((key, ctx) => {
      const problem = keyProblem(key, rule, regex);
      if (problem) addProblem(ctx, problem);
    })
    .meta({ pattern: rule.pattern });
}

function keyProblem(key: string, rule: KeyRule, regex: RegExp) {
  const found = quoted(key);
  const suggestion = rule.suggest?.(key);
  const fix =
    suggestion && suggestion !== key && regex.test(suggestion)
      ? `rename it to ${suggestion}`
      : `rename it using ${rule.expected}`;

  if (!regex.test(key)) {
    return {
      message: `${rule.what} ${found} must match ${rule.pattern}`,
      found,
      expected: rule.expected,
      fix,
    };
  }
  if (rule.max !== undefined && key.length > rule.max) {
    return {
      message: `${rule.what} ${found} is longer than ${rule.max} characters`,
      found: `${key.length} characters`,
      expected: `at most ${rule.max} characters`,
      fix: "shorten it",
    };
  }
  const reserved = rule.reserved?.find(([prefix]) => key.startsWith(prefix));
  if (!reserved) return undefined;
  return {
    message:
      `${rule.what} ${found} uses the prefix ${reserved[0]}, which ` +
      `${reserved[1]} reserves`,
    found,
    expected: `a key outside ${reserved[0]}`,
    fix: "choose another prefix, such as your team's name",
  };
}

/** Letters, digits and `_`, not starting with a digit: env and parameters. */
export const IDENTIFIER_PATTERN = "^[A-Za-z_][A-Za-z0-9_]*$";

const IDENTIFIER_EXPECTED =
  "letters, digits and '_', not starting with a digit";

function toIdentifier(key: string): string {
  return key.replace(/[^A-Za-z0-9_]/g, "_").replace(/^(\d)/, "_$1");
}

export const envKey = recordKey({
  what: "environment variable name",
  pattern: IDENTIFIER_PATTERN,
  expected: IDENTIFIER_EXPECTED,
  suggest: toIdentifier,
});

export const parameterKey = recordKey({
  what: "parameter name",
  pattern: IDENTIFIER_PATTERN,
  expected: IDENTIFIER_EXPECTED,
  suggest: toIdentifier,
});

export const labelKey = recordKey({
  what: "label key",
  pattern: "^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$",
  expected: "lowercase letters, digits, '.', '_' and '-'",
  max: 63,
  reserved: [
    ["com.docker.", "Docker"],
    ["io.docker.", "Docker"],
    ["org.dockerproject.", "Docker"],
    ["dev.berth.", "Berth"],
  ],
  suggest: (key) =>
    key
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-")
      .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, ""),
});
