/**
 * Opening pull requests in the double's state, from the test or the API.
 */
import type { DoubleContext } from "./context.js";
import { branchSha } from "./pull-commits.js";
import { type PullState, nextId, now } from "./state.js";

/** What opening a pull request needs. */
export interface OpenInput {
  head: string;
  base?: string;
  user: string;
  title?: string;
  body?: string | null;
  fork?: boolean;
  draft?: boolean;
}

/** Records a new open pull request and returns it. */
export function openPull(ctx: DoubleContext, input: OpenInput): PullState {
  const base = input.base ?? ctx.defaultBranch;
  branchSha(ctx, input.head);
  branchSha(ctx, base);
  const at = now();
  const pr: PullState = {
    number: ctx.state.nextNumber++,
    id: nextId(ctx.state),
    head: input.head,
    base,
    user: input.user,
    title: input.title ?? `Changes from ${input.head}`,
    body: input.body ?? null,
    fork: input.fork ?? false,
    forkDeleted: false,
    draft: input.draft ?? false,
    state: "open",
    merged: false,
    mergeCommitSha: null,
    createdAt: at,
    updatedAt: at,
    closedAt: null,
  };
  ctx.state.pulls.set(pr.number, pr);
  return pr;
}

/** The pull request `number`, or an error that says which exist. */
export function pullOrThrow(ctx: DoubleContext, number: number): PullState {
  const pr = ctx.state.pulls.get(number);
  if (pr) return pr;
  const known = [...ctx.state.pulls.keys()].join(", ") || "none";
  throw new Error(
    `The GitHub double has no pull request #${number} (known: ${known}). ` +
      "Open it with openPullRequest() first.",
  );
}
