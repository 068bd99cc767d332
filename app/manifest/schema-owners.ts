import { z } from "zod";
import { addProblem, quoted } from "./schema-issue.js";
import { uniqueEntries } from "./schema-unique.js";

// Letters and digits, single hyphens between them, at most 39 characters.
const LOGIN = "[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}";
const OWNER_PATTERN = `^${LOGIN}(?:/[A-Za-z0-9][A-Za-z0-9_-]*)?$`;
const OWNER = new RegExp(OWNER_PATTERN);
const EXPECTED = "a GitHub login (alice) or an org/team slug (acme/payments)";

/** A GitHub user login or an `org/team` slug. */
export const owner = z
  .string()
  .superRefine((value, ctx) => {
    if (OWNER.test(value)) return;
    addProblem(ctx, {
      message: `owner ${quoted(value)} is not a GitHub login or org/team`,
      found: quoted(value),
      expected: EXPECTED,
      fix: ownerFix(value),
    });
  })
  .meta({ pattern: OWNER_PATTERN });

/** A non-empty list of owners, each listed once. */
export const owners = z
  .array(owner)
  .min(1)
  .superRefine(
    ...uniqueEntries({
      pick: (item) =>
        typeof item === "string" ? item.toLowerCase() : undefined,
      describe: (_, first) => ({
        message: `owner is listed twice, first at [${first}]`,
        expected: "each owner once",
        fix: "remove the second entry",
      }),
    }),
  );

function ownerFix(value: string): string {
  const bare = value.replace(/^@/, "");
  if (bare !== value && OWNER.test(bare)) return `drop the @: ${bare}`;
  if (value.includes("@")) {
    return "use the GitHub login, not an e-mail address";
  }
  return `write ${EXPECTED}`;
}
