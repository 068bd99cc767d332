/**
 * Webhook deliveries for tests: payload builders and the signed sender.
 */
export { deliver, type DeliveryResult } from "./deliver.js";
export { installationPayload } from "./installation-payload.js";
export { issueCommentPayload } from "./issue-comment-payload.js";
export {
  pullRequestPayload,
  type PullRequestExtra,
} from "./pull-request-payload.js";
export { pushPayload } from "./push-payload.js";
export { webhookErrors, assertWebhook } from "./webhook-schema.js";
export { webhookExample } from "./webhook-examples.js";
