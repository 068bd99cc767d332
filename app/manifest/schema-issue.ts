import type { z } from "zod";
import type { FindingDraft } from "./make-finding.js";

/** Anything zod hands to a refinement or transform to collect issues. */
export type IssueSink = Pick<z.RefinementCtx, "addIssue">;

/**
 * Adds a custom issue whose `params` carry the finding's found, expected
 * and fix texts; `zodIssuesToFindings` reads them back.
 */
export function addProblem(
  ctx: IssueSink,
  draft: Omit<FindingDraft, "path">,
  path?: (string | number)[],
): void {
  const params: Record<string, string> = {};
  if (draft.found !== undefined) params.found = draft.found;
  if (draft.expected !== undefined) params.expected = draft.expected;
  if (draft.fix !== undefined) params.fix = draft.fix;
  ctx.addIssue({
    code: "custom",
    message: draft.message,
    params,
    ...(path ? { path } : {}),
  });
}

/** Quotes a user's text for a message, shortening very long text. */
export function quoted(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return JSON.stringify(short);
}
