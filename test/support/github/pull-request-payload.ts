/**
 * `pull_request` webhook payloads built from the double's state.
 */
import type { GitHubDouble } from "./types.js";
import { adjust, common, parentOf } from "./webhook-common.js";
import { webhookExample } from "./webhook-examples.js";
import { assertWebhook } from "./webhook-schema.js";

/** Extra choices for a pull request event. */
export interface PullRequestExtra {
  /** Who caused the event; the pull request's author by default. */
  sender?: string;
  /** For `synchronize`: the head before and after the push. */
  before?: string;
  after?: string;
}

/**
 * A `pull_request` event with `action` (opened, synchronize, reopened,
 * closed, ready_for_review, ...) for pull request `pr` as the double has it.
 */
export function pullRequestPayload(
  d: GitHubDouble,
  action: string,
  pr: number,
  extra: PullRequestExtra = {},
): object {
  const pull = d.pullRequest(pr);
  const example = webhookExample("pull_request", action);
  const real: Record<string, unknown> = {
    action,
    number: pr,
    pull_request: pull,
    ...common(d, extra.sender ?? pull.user.login),
  };
  const payload = adjust(example, real);
  const inPayload = payload["pull_request"] as Record<string, unknown>;
  const head = inPayload["head"] as Record<string, unknown>;
  if (pull.head.repo === null) head["repo"] = null;
  if (action === "synchronize") {
    payload["before"] = extra.before ?? parentOf(d, pull.head.sha);
    payload["after"] = extra.after ?? pull.head.sha;
  }
  assertWebhook("pull_request", payload);
  return payload;
}
