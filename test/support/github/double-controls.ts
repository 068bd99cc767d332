/**
 * What a test does on "GitHub's web page": open, review, merge and close
 * pull requests, delete forks, comment, and set people's permissions.
 */
import { addComment, commentObject } from "./comments.js";
import type { DoubleContext } from "./context.js";
import { mergeCommit } from "./git-write.js";
import { branchSha, pullShas } from "./pull-commits.js";
import { type OpenInput, openPull, pullOrThrow } from "./pull-requests.js";
import { nextId, now } from "./state.js";
import type { PermissionLevel } from "./types.js";

/** Sets `user`'s permission on the served repository. */
export function setPermission(
  ctx: DoubleContext,
  user: string,
  level: PermissionLevel,
) {
  ctx.state.permissions.set(user.toLowerCase(), level);
}

/** Makes `user` a member of `org/team`. */
export function setTeamMember(
  ctx: DoubleContext,
  org: string,
  team: string,
  user: string,
) {
  ctx.state.teamMembers.add(`${org}/${team}/${user}`.toLowerCase());
}

/** Opens a pull request; returns its number. */
export function openPullRequest(ctx: DoubleContext, input: OpenInput): number {
  return openPull(ctx, input).number;
}

/** Records a review of the pull request's current head. */
export function addReview(
  ctx: DoubleContext,
  number: number,
  review: {
    user: string;
    state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED";
  },
) {
  const pr = pullOrThrow(ctx, number);
  ctx.state.reviews.push({
    id: nextId(ctx.state),
    pr: number,
    user: review.user,
    state: review.state,
    commitId: pullShas(ctx, pr).head,
    submittedAt: now(),
  });
}

function requireOpen(ctx: DoubleContext, number: number, doing: string) {
  const pr = pullOrThrow(ctx, number);
  if (pr.state !== "open") {
    throw new Error(
      `Cannot ${doing} pull request #${number}: it is already closed.`,
    );
  }
  return pr;
}

/** Merges with a merge commit in git; returns the merge commit's sha. */
export function merge(ctx: DoubleContext, number: number): string {
  const pr = requireOpen(ctx, number, "merge");
  const before = pullShas(ctx, pr);
  const sha = mergeCommit(ctx.git, {
    base: pr.base,
    head: before.head,
    message:
      `Merge pull request #${number} from ${pr.user}/${pr.head}\n\n` + pr.title,
  });
  pr.frozen = before;
  pr.state = "closed";
  pr.merged = true;
  pr.mergeCommitSha = sha;
  pr.closedAt = now();
  pr.updatedAt = pr.closedAt;
  return sha;
}

/** Closes a pull request without merging. */
export function closePull(ctx: DoubleContext, number: number) {
  const pr = requireOpen(ctx, number, "close");
  pr.frozen = pullShas(ctx, pr);
  pr.state = "closed";
  pr.closedAt = now();
  pr.updatedAt = pr.closedAt;
}

/** Reopens a pull request closed without merging. */
export function reopen(ctx: DoubleContext, number: number) {
  const pr = pullOrThrow(ctx, number);
  if (pr.merged)
    throw new Error(`Pull request #${number} is merged; it cannot reopen.`);
  branchSha(ctx, pr.head);
  delete pr.frozen;
  pr.state = "open";
  pr.closedAt = null;
  pr.updatedAt = now();
}

/** Deletes the fork a pull request came from. */
export function deleteFork(ctx: DoubleContext, number: number) {
  const pr = pullOrThrow(ctx, number);
  if (!pr.fork) {
    throw new Error(
      `Pull request #${number} is not from a fork: open it with fork: true.`,
    );
  }
  pr.frozen ??= pullShas(ctx, pr);
  pr.forkDeleted = true;
}

/** Adds a comment written by `user`; returns its REST object. */
export function comment(
  ctx: DoubleContext,
  issue: number,
  user: string,
  body: string,
) {
  if (!ctx.state.pulls.has(issue) && !ctx.state.issues.has(issue)) {
    throw new Error(
      `The GitHub double has no issue or pull request #${issue}.`,
    );
  }
  return commentObject(ctx, addComment(ctx, issue, user, body));
}
