/**
 * `installation` webhook payloads for the double's app.
 */
import type { GitHubDouble } from "./types.js";
import { adjust, common } from "./webhook-common.js";
import { overlay, webhookExample } from "./webhook-examples.js";
import { assertWebhook } from "./webhook-schema.js";

/** An `installation` event (created by default) for the double's app. */
export function installationPayload(
  d: GitHubDouble,
  action = "created",
  sender = "alice",
): object {
  const example = webhookExample("installation", action);
  const shared = common(d, sender);
  const repo = shared.repository;
  const inExample = example["installation"] as Record<string, unknown>;
  const payload = adjust(example, {
    action,
    installation: overlay(inExample, {
      id: d.options.installationId,
      app_id: d.options.appId,
      app_slug: d.options.appSlug,
      account: overlay(inExample["account"], repo.owner),
    }),
    repositories: [
      {
        id: repo.id,
        node_id: repo.node_id,
        name: repo.name,
        full_name: repo.full_name,
        private: repo.private,
      },
    ],
    sender: shared.sender,
  });
  delete payload["repository"];
  assertWebhook("installation", payload);
  return payload;
}
