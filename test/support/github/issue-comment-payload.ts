/**
 * `issue_comment` webhook payloads for comments on pull requests.
 */
import type { GitHubDouble } from "./types.js";
import { adjust, common } from "./webhook-common.js";
import { webhookExample } from "./webhook-examples.js";
import { assertWebhook } from "./webhook-schema.js";

/**
 * An `issue_comment.created` event: `user` comments `body` on pull request
 * `pr`. The comment is also stored in the double, as on GitHub.
 */
export function issueCommentPayload(
  d: GitHubDouble,
  pr: number,
  user: string,
  body: string,
): object {
  const pull = d.pullRequest(pr);
  const comment = d.addComment(pr, user, body);
  const example = webhookExample("issue_comment", "created");
  const payload = adjust(example, {
    action: "created",
    issue: {
      ...pull,
      id: pull.id,
      comments: d.comments(pr).length,
      labels: [],
      assignee: null,
    },
    comment,
    ...common(d, user),
  });
  const issue = payload["issue"] as Record<string, unknown>;
  issue["pull_request"] = {
    url: pull.url,
    html_url: pull.html_url,
    diff_url: pull.diff_url,
    patch_url: pull.patch_url,
    merged_at: pull.merged_at,
  };
  issue["html_url"] = pull.html_url;
  assertWebhook("issue_comment", payload);
  return payload;
}
