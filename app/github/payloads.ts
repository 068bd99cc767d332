/**
 * The fields of webhook payloads that Berth uses, checked before use. A
 * payload that does not fit is logged and ignored, never half-processed.
 */
import { z } from "zod";

const Sha = z.string().regex(/^[0-9a-f]{40}$/);

/** The repository of an event. */
export const Repository = z.object({
  name: z.string().min(1),
  full_name: z.string().min(1),
  owner: z.object({ login: z.string().min(1) }),
  default_branch: z.string().min(1),
  fork: z.boolean().optional(),
});
export type Repository = z.infer<typeof Repository>;

const Installation = z.object({ id: z.number().int().positive() });

const User = z.object({
  login: z.string().min(1),
  type: z.string().optional(),
});

/** A `pull_request` event. */
export const PullRequestPayload = z.object({
  action: z.string(),
  number: z.number().int().positive(),
  installation: Installation,
  repository: Repository,
  pull_request: z.object({
    number: z.number().int().positive(),
    state: z.string(),
    draft: z.boolean().optional(),
    merged: z.boolean().nullable().optional(),
    merge_commit_sha: Sha.nullable().optional(),
    merged_at: z.string().nullable().optional(),
    merged_by: z.object({ login: z.string() }).nullable().optional(),
    html_url: z.string(),
    user: User,
    head: z.object({
      sha: Sha,
      ref: z.string(),
      // A fork that was deleted leaves head.repo null.
      repo: z.object({ full_name: z.string() }).nullable(),
    }),
    base: z.object({
      sha: Sha,
      ref: z.string(),
      repo: z.object({ full_name: z.string() }),
    }),
  }),
});
export type PullRequestPayload = z.infer<typeof PullRequestPayload>;

/** A `push` event. */
export const PushPayload = z.object({
  ref: z.string(),
  before: z.string(),
  after: z.string(),
  deleted: z.boolean().optional(),
  installation: Installation,
  repository: Repository,
});
export type PushPayload = z.infer<typeof PushPayload>;

/** An `issue_comment` event. */
export const IssueCommentPayload = z.object({
  action: z.string(),
  installation: Installation,
  repository: Repository,
  issue: z.object({
    number: z.number().int().positive(),
    pull_request: z.object({ url: z.string() }).optional(),
  }),
  comment: z.object({
    id: z.number().int().positive(),
    body: z.string(),
    user: User,
    performed_via_github_app: z
      .object({ id: z.number() })
      .nullable()
      .optional(),
  }),
});
export type IssueCommentPayload = z.infer<typeof IssueCommentPayload>;

/** A `check_run` event: a user asked to run the Berth check again. */
export const CheckRunPayload = z.object({
  installation: Installation,
  repository: Repository,
  check_run: z.object({
    name: z.string(),
    head_sha: Sha,
    pull_requests: z.array(z.object({ number: z.number().int() })),
  }),
});
export type CheckRunPayload = z.infer<typeof CheckRunPayload>;

/** A `pull_request_review` event. */
export const ReviewPayload = z.object({
  installation: Installation,
  repository: Repository,
  pull_request: z.object({ number: z.number().int().positive() }),
});
export type ReviewPayload = z.infer<typeof ReviewPayload>;
