/**
 * Whether a pull request has the approvals its repository's settings ask
 * for, and when not, who still has to approve. Pure but for `isMember`,
 * which answers whether a user belongs to an owner (a user or a team).
 */
import type { BerthSettings } from "./settings.js";

/** One review of a pull request: who, and its state. */
export interface Review {
  user: string;
  state: string;
}

/** Everything the approval rules look at. */
export interface ApprovalInput {
  settings: BerthSettings;
  author: string;
  /** Reviews in the order they were submitted. */
  reviews: readonly Review[];
  /** Owners of each environment the pull request changes. */
  environments: readonly { name: string; owners: readonly string[] }[];
  /** Code owners of each changed file (for `codeowner`). */
  codeowners: readonly { path: string; owners: readonly string[] }[];
  /** Whether `user` is `owner` or a member of the team `owner`. */
  isMember(owner: string, user: string): Promise<boolean>;
}

/** What is still missing, one sentence each; empty when approved. */
export async function missingApprovals(input: ApprovalInput) {
  const approvers = approvedBy(input.reviews, input.author);
  switch (input.settings.requireApproval) {
    case "none":
      return [];
    case "any":
      return approvers.length > 0
        ? []
        : ["an approving review by anyone but the author"];
    case "owner":
      return missingFor(
        input.environments.map((e) => ({
          what: `environment ${e.name}`,
          owners: e.owners,
        })),
        approvers,
        input.isMember,
        "an owner of",
      );
    case "codeowner":
      return missingFor(
        input.codeowners.map((c) => ({ what: c.path, owners: c.owners })),
        approvers,
        input.isMember,
        "a code owner of",
      );
  }
}

/** Users whose latest review approves, the author excepted. */
export function approvedBy(reviews: readonly Review[], author: string) {
  const latest = new Map<string, string>();
  for (const review of reviews) {
    if (review.state === "COMMENTED") continue;
    latest.set(review.user, review.state);
  }
  return [...latest]
    .filter(([user, state]) => state === "APPROVED" && user !== author)
    .map(([user]) => user);
}

async function missingFor(
  items: { what: string; owners: readonly string[] }[],
  approvers: string[],
  isMember: ApprovalInput["isMember"],
  role: string,
): Promise<string[]> {
  const missing: string[] = [];
  for (const item of items) {
    if (item.owners.length === 0) continue;
    if (await anyApproves(item.owners, approvers, isMember)) continue;
    const who = item.owners.map((o) => `@${o}`).join(", ");
    missing.push(`an approving review by ${role} ${item.what} (${who})`);
  }
  return missing;
}

async function anyApproves(
  owners: readonly string[],
  approvers: string[],
  isMember: ApprovalInput["isMember"],
): Promise<boolean> {
  for (const owner of owners) {
    for (const user of approvers) {
      if (await isMember(owner, user)) return true;
    }
  }
  return false;
}
