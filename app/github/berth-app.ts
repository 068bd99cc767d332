/**
 * The GitHub App: which webhook events Berth handles and what each one
 * queues. Every handler returns at once; the work runs on the queue.
 */
import type { ApplicationFunction, Probot } from "probot";
import type { BerthServices } from "./job.js";
import {
  CheckRunPayload,
  IssueCommentPayload,
  PullRequestPayload,
  PushPayload,
  ReviewPayload,
} from "./payloads.js";
import { acceptDelivery } from "./accept-delivery.js";
import { planPullRequest } from "./plan-pull-request.js";
import { mergePullRequest } from "./merge-pull-request.js";
import { closePullRequest } from "./close-pull-request.js";
import { pushDefaultBranch } from "./push-default-branch.js";
import { runCommand } from "./run-command.js";
import { fullName } from "./github-client.js";
import { InstallationClients } from "./installation-clients.js";

const PLANNED = [
  "pull_request.opened",
  "pull_request.synchronize",
  "pull_request.reopened",
  "pull_request.ready_for_review",
] as const;

/** The Probot application function of Berth. */
export function createBerthApp(services: BerthServices): ApplicationFunction {
  return (app: Probot) => {
    services.clients = new InstallationClients(app);
    app.on([...PLANNED], (context) =>
      acceptDelivery(app, services, context, {
        schema: PullRequestPayload,
        key: (p) => (p.pull_request.draft ? undefined : prKey(p)),
        fields: prFields,
        work: (job, p) => planPullRequest(job, p.number),
        shared: true,
      }),
    );
    app.on("pull_request.closed", (context) =>
      acceptDelivery(app, services, context, {
        schema: PullRequestPayload,
        key: prKey,
        fields: prFields,
        work: (job, p) =>
          p.pull_request.merged && p.pull_request.merge_commit_sha
            ? mergePullRequest(job, {
                number: p.number,
                mergeCommit: p.pull_request.merge_commit_sha,
                ...(p.pull_request.merged_by && {
                  mergedBy: p.pull_request.merged_by.login,
                }),
                ...(p.pull_request.merged_at && {
                  mergedAt: p.pull_request.merged_at,
                }),
              })
            : closePullRequest(job, p.number),
      }),
    );
    registerOthers(app, services);
  };
}

function registerOthers(app: Probot, services: BerthServices): void {
  app.on(
    ["pull_request_review.submitted", "pull_request_review.dismissed"],
    (context) =>
      acceptDelivery(app, services, context, {
        schema: ReviewPayload,
        key: (p) => `${p.repository.full_name}#${p.pull_request.number}`,
        fields: (p) => ({ pullRequest: p.pull_request.number }),
        work: (job, p) => planPullRequest(job, p.pull_request.number),
        shared: true,
      }),
  );
  app.on("check_run.rerequested", (context) =>
    acceptDelivery(app, services, context, {
      schema: CheckRunPayload,
      key: (p) => {
        const pr = p.check_run.pull_requests[0];
        if (p.check_run.name !== "Berth" || !pr) return undefined;
        return `${p.repository.full_name}#${pr.number}`;
      },
      fields: (p) => ({ commit: p.check_run.head_sha }),
      work: async (job, p) => {
        for (const pr of p.check_run.pull_requests) {
          await planPullRequest(job, pr.number);
        }
      },
      shared: true,
    }),
  );
  app.on("push", (context) =>
    acceptDelivery(app, services, context, {
      schema: PushPayload,
      key: (p) =>
        p.ref === `refs/heads/${p.repository.default_branch}` && !p.deleted
          ? `${p.repository.full_name}:push`
          : undefined,
      fields: (p) => ({ commit: p.after }),
      work: (job, p) =>
        pushDefaultBranch(job, { before: p.before, after: p.after }),
    }),
  );
  app.on("issue_comment.created", (context) =>
    acceptDelivery(app, services, context, {
      schema: IssueCommentPayload,
      key: (p) =>
        p.issue.pull_request && !fromBot(p)
          ? `${p.repository.full_name}#${p.issue.number}`
          : undefined,
      fields: (p) => ({ pullRequest: p.issue.number }),
      work: (job, p) =>
        runCommand(job, {
          number: p.issue.number,
          commentId: p.comment.id,
          body: p.comment.body,
          user: p.comment.user.login,
        }),
    }),
  );
}

function prKey(p: PullRequestPayload): string {
  const repo = { owner: p.repository.owner.login, repo: p.repository.name };
  return `${fullName(repo)}#${p.number}`;
}

function prFields(p: PullRequestPayload) {
  const merged = p.pull_request.merged && p.pull_request.merge_commit_sha;
  return { pullRequest: p.number, commit: merged || p.pull_request.head.sha };
}

function fromBot(p: IssueCommentPayload): boolean {
  const user = p.comment.user;
  return (
    user.type === "Bot" ||
    user.login.endsWith("[bot]") ||
    !!p.comment.performed_via_github_app
  );
}
