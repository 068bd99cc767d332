import type { FindingDraft } from "./make-finding.js";
import { addProblem, type IssueSink } from "./schema-issue.js";

/** How to find and explain repeated entries of a list. */
export interface UniqueRule {
  /** The text two entries must not share, or undefined to skip one. */
  pick: (item: unknown) => string | undefined;
  /** Where in the entry the issue points, e.g. `["name"]`. */
  field?: (string | number)[];
  describe: (text: string, firstIndex: number) => Omit<FindingDraft, "path">;
}

/**
 * A refinement that reports each entry repeating an earlier one. It runs
 * even when entries have other problems, so it reads entries defensively.
 */
export function uniqueEntries(rule: UniqueRule) {
  const check = (list: unknown, ctx: IssueSink) => {
    if (!Array.isArray(list)) return;
    const first = new Map<string, number>();
    list.forEach((item, index) => {
      const text = rule.pick(item);
      if (text === undefined) return;
      const earlier = first.get(text);
      if (earlier === undefined) {
        first.set(text, index);
        return;
      }
      const draft = rule.describe(text, earlier);
      addProblem(ctx, draft, [index, ...(rule.field ?? [])]);
    });
  };
  return [check, { when: () => true }] as const;
}

/** The string field `key` of an entry, when it has one. */
export function stringField(key: string) {
  return (item: unknown): string | undefined => {
    if (item === null || typeof item !== "object") return undefined;
    const value = (item as Record<string, unknown>)[key];
    return typeof value === "string" ? value : undefined;
  };
}
