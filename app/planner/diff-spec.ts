/**
 * Lists the fields in which two normalised service specs differ, with
 * short before and after descriptions.
 */
import type { FieldChange } from "./types.js";
import { describeItem, describeValue, shorten } from "./describe-value.js";
import { isObject, jsonEqual } from "./json-value.js";

/** Lists whose order matters; other lists are compared as sets. */
const ORDERED_LISTS = new Set(["Args", "Command", "Test", "Preferences"]);

/**
 * Compares two normalised specs (see `normaliseServiceSpec`) and returns
 * one change per differing field, down to label maps and whole lists.
 */
export function diffSpecs(before: unknown, after: unknown): FieldChange[] {
  return diffAt("", before, after);
}

function diffAt(path: string, before: unknown, after: unknown): FieldChange[] {
  if (jsonEqual(before, after)) {
    return [];
  }

  const key = path.slice(path.lastIndexOf(".") + 1);

  if (mapOrNone(before) && mapOrNone(after) && key !== "Labels") {
    const left = before ?? {};
    const right = after ?? {};
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
    const changes = keys
      .sort()
      .flatMap((k) => diffAt(join(path, k), left[k], right[k]));

    if (changes.length > 0) {
      return changes;
    }
  }

  return [describeChange(path, key, before, after)];
}

function describeChange(
  field: string,
  key: string,
  before: unknown,
  after: unknown,
): FieldChange {
  if (key === "Labels" && mapOrNone(before) && mapOrNone(after)) {
    return describeMapChange(field, before ?? {}, after ?? {});
  }

  if (listOrNone(before) && listOrNone(after) && !ORDERED_LISTS.has(key)) {
    return describeSetChange(field, before ?? [], after ?? []);
  }

  return {
    field,
    before: describeValue(field, before),
    after: describeValue(field, after),
  };
}

function describeMapChange(
  field: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): FieldChange {
  const differs = (k: string) => before[k] !== after[k];
  // Berth's own labels (commit, spec hash) change with every commit; the
  // labels a user changed come first, so that a short line shows them.
  const berthLast = (a: string, b: string) =>
    Number(a.startsWith("dev.berth.")) - Number(b.startsWith("dev.berth.")) ||
    (a < b ? -1 : a > b ? 1 : 0);
  const entries = (map: Record<string, unknown>) =>
    Object.keys(map)
      .filter(differs)
      .sort(berthLast)
      .map((k) => `${k}=${String(map[k])}`);

  return { field, before: list(entries(before)), after: list(entries(after)) };
}

function describeSetChange(
  field: string,
  before: unknown[],
  after: unknown[],
): FieldChange {
  // Entries are matched by their raw value but shown by description,
  // which hides secrets: two different passwords describe alike.
  const raw = (items: unknown[]) =>
    new Set(items.map((i) => JSON.stringify(i)));
  const [left, right] = [raw(before), raw(after)];
  const describe = (items: unknown[]) =>
    items.map((item) => describeItem(field, item));
  const removed = before.filter((item) => !right.has(JSON.stringify(item)));
  const added = after.filter((item) => !left.has(JSON.stringify(item)));

  if (removed.length === 0 && added.length === 0) {
    const whole = (items: unknown[]) => shorten(describe(items).join(", "));
    return { field, before: whole(before), after: whole(after) };
  }

  return {
    field,
    before: list(describe(removed)),
    after: list(describe(added)),
  };
}

function mapOrNone(
  value: unknown,
): value is Record<string, unknown> | undefined {
  return value === undefined || isObject(value);
}

function listOrNone(value: unknown): value is unknown[] | undefined {
  return value === undefined || Array.isArray(value);
}

function list(items: string[]): string {
  return items.length === 0 ? "(none)" : shorten(items.join(", "));
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}
