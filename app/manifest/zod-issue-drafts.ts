import type { z } from "zod";
import type { FindingDraft } from "./make-finding.js";
import type { LoadedYaml, YamlPath } from "./yaml-load.js";
import { typeFix } from "./zod-type-fix.js";
import {
  describeExpected,
  describeFound,
  kindOf,
  valueAt,
} from "./zod-values.js";

type Issue = z.core.$ZodIssue;
type Draft = Omit<FindingDraft, "path">;

/** What the describers need to know about the document. */
export interface IssueContext {
  loaded: LoadedYaml;
  path: YamlPath;
  value: unknown;
  found: string;
}

/** Builds the context for an issue at `path`. */
export function issueContext(loaded: LoadedYaml, path: YamlPath) {
  const { value } = valueAt(loaded.value, path);
  return { loaded, path, value, found: describeFound(loaded, path, value) };
}

/**
 * Describes one zod issue (other than unknown keys and missing keys, which
 * need the schema or the parent) as a finding draft.
 */
export function describeIssue(issue: Issue, context: IssueContext): Draft {
  const draft = describeByCode(issue, context);
  return customized(issue) ? { ...draft, message: issue.message } : draft;
}

function describeByCode(issue: Issue, context: IssueContext): Draft {
  switch (issue.code) {
    case "invalid_type":
      return wrongType(issue.expected, context);
    case "invalid_value":
      return wrongValue(issue.values, context);
    case "invalid_union":
      return noUnionMatch(issue, context);
    case "too_small":
    case "too_big":
      return outOfRange(issue, context);
    case "invalid_format":
      return wrongFormat(issue, context);
    case "not_multiple_of":
      return {
        message: `must be a multiple of ${issue.divisor}`,
        found: context.found,
        fix: `write a multiple of ${issue.divisor}`,
      };
    case "invalid_key":
      return invalidKey(issue, context);
    case "custom":
      return customDraft(issue, context);
    default:
      return { message: issue.message, found: context.found };
  }
}

function wrongType(expected: string, context: IssueContext): Draft {
  const name = describeExpected(expected);
  const source = context.loaded.sourceText?.(context.path);
  const root = context.path.length === 0;
  return {
    message: `must be ${name}, ${whatItIs(context.value, source)}`,
    found: context.found,
    expected: name,
    fix:
      root && (expected === "object" || expected === "record")
        ? "write the document as key: value pairs"
        : typeFix(expected, context.value, source),
  };
}

function whatItIs(value: unknown, source: string | undefined): string {
  const written = source ?? String(value);
  if (typeof value === "number" || typeof value === "boolean") {
    return `but YAML reads ${written} as ${kindOf(value)}`;
  }
  if (value === null) return source ? "but it is null" : "but it is empty";
  return `not ${kindOf(value)}`;
}

function wrongValue(values: readonly unknown[], context: IssueContext): Draft {
  const shown = values.map((value) => JSON.stringify(value));
  const last = context.path.at(-1);
  const expected = shown.length === 1 ? shown[0] : `one of ${shown.join(", ")}`;
  return {
    message: `must be ${expected}`,
    found: context.found,
    expected,
    fix:
      values.length === 1 && last !== undefined
        ? `write ${String(last)}: ${String(values[0])}`
        : `use one of ${shown.join(", ")}`,
  };
}

function noUnionMatch(
  issue: Extract<Issue, { code: "invalid_union" }>,
  context: IssueContext,
): Draft {
  const types = issue.errors.map((branch) => {
    const only = branch.length === 1 ? branch[0] : undefined;
    const plain = only?.code === "invalid_type" && only.path.length === 0;
    return plain ? only.expected : undefined;
  });
  if (types.length > 0 && types.every((type) => type !== undefined)) {
    const names = types.map((type) => describeExpected(type as string));
    const expected = joinOr(names);
    return {
      message: `must be ${expected}, not ${kindOf(context.value)}`,
      found: context.found,
      expected,
      fix: context.value === null ? "write a value" : `write ${expected}`,
    };
  }
  const first = issue.errors[0]?.[0];
  return {
    message: first ? first.message : "matches none of the allowed forms",
    found: context.found,
  };
}

function outOfRange(
  issue: Extract<Issue, { code: "too_small" | "too_big" }>,
  context: IssueContext,
): Draft {
  const small = issue.code === "too_small";
  const limit = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  const bound = small
    ? inclusive
      ? `at least ${limit}`
      : `more than ${limit}`
    : inclusive
      ? `at most ${limit}`
      : `less than ${limit}`;

  const unit = unitOf(issue.origin, limit);
  const expected = `${bound}${unit}`;
  const message =
    small && limit === 1 && unit !== ""
      ? issue.origin === "string"
        ? "must not be empty"
        : "must list at least one item"
      : `must be ${expected}`;
  return {
    message,
    found: sizeFound(issue.origin, context),
    expected,
    fix: rangeFix(issue.origin, small, expected),
  };
}

function rangeFix(origin: string, small: boolean, expected: string) {
  if (origin === "string") {
    return small ? `write ${expected}` : `shorten it to ${expected}`;
  }
  if (origin === "array" || origin === "set") {
    return small ? `list ${expected}` : `keep ${expected}`;
  }
  return `use a value ${expected}`;
}

function joinOr(names: readonly string[]): string {
  if (names.length < 2) return names.join("");
  return `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

function unitOf(origin: string, limit: number): string {
  const plural = limit === 1 ? "" : "s";
  if (origin === "string") return ` character${plural}`;
  if (origin === "array" || origin === "set") return ` item${plural}`;
  return "";
}

function sizeFound(origin: string, context: IssueContext): string {
  const value = context.value;
  if (origin === "string" && typeof value === "string") {
    return `${value.length} characters`;
  }
  return context.found;
}

function wrongFormat(
  issue: Extract<Issue, { code: "invalid_format" }>,
  context: IssueContext,
): Draft {
  const pattern = issue.pattern?.replace(/^\/(.*)\/[a-z]*$/, "$1");
  const expected = pattern ? `text matching ${pattern}` : issue.format;
  return {
    message: pattern ? `must match ${pattern}` : `must be a ${issue.format}`,
    found: context.found,
    expected,
    fix: `change it to ${expected}`,
  };
}

function invalidKey(
  issue: Extract<Issue, { code: "invalid_key" }>,
  context: IssueContext,
): Draft {
  const key = String(context.path.at(-1) ?? "");
  const inner = issue.issues[0];
  const keyContext = { ...context, value: key, found: JSON.stringify(key) };
  if (!inner) return { message: `key ${keyContext.found} is not allowed` };
  const draft = describeIssue(inner, keyContext);
  const message =
    inner.code === "custom"
      ? draft.message
      : `key ${keyContext.found} ${draft.message}`;
  return { ...draft, message, found: keyContext.found };
}

function customDraft(
  issue: Extract<Issue, { code: "custom" }>,
  context: IssueContext,
): Draft {
  const params: Record<string, unknown> = issue.params ?? {};
  const text = (key: string) =>
    typeof params[key] === "string" ? (params[key] as string) : undefined;
  const draft: Draft = {
    message: issue.message,
    found: text("found") ?? context.found,
  };
  const expected = text("expected");
  const fix = text("fix");
  if (expected !== undefined) draft.expected = expected;
  if (fix !== undefined) draft.fix = fix;
  return draft;
}

const ZOD_DEFAULT = /^(Invalid|Unrecognized|Too (big|small))\b/;

/** True when a schema author wrote the message of a built-in check. */
function customized(issue: Issue): boolean {
  return issue.code !== "custom" && !ZOD_DEFAULT.test(issue.message);
}
