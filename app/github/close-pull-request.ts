/**
 * A pull request closed without merge: nothing is applied, its locks are
 * released, and its comment says so. A pull request that changes
 * environments gets the comment even when it was closed before its first
 * plan was reported.
 */
import type { Job } from "./job.js";
import { fullName } from "./github-client.js";
import { pullRequestChanges } from "./changed-files.js";
import { readPullRequest } from "./pull-request-state.js";
import { renderComment } from "../reporter/render-comment.js";
import {
  ensureComment,
  updateCommentIfPresent,
} from "../reporter/ensure-comment.js";

/** Releases the locks of pull request `number` and updates its comment. */
export async function closePullRequest(job: Job, number: number) {
  const holder = { repository: fullName(job.repo), pullRequest: number };
  const freed = await job.services.locks.release(holder);
  const body = renderComment({
    title: "closed, nothing applied",
    lines: freed.length
      ? [`released the locks of ${freed.map((e) => `\`${e}\``).join(", ")}`]
      : [],
    findings: [],
  });
  const octokit = await job.octokit();
  const updated = await updateCommentIfPresent(octokit, job.repo, number, body);
  if (!updated && (freed.length > 0 || (await touchesBerth(job, number)))) {
    await ensureComment(octokit, job.repo, number, body);
  }
  job.log.info({ pullRequest: number, released: freed }, "closed unmerged");
}

async function touchesBerth(job: Job, number: number): Promise<boolean> {
  const octokit = await job.octokit();
  const pr = await readPullRequest(octokit, job.repo, number);
  const changed = await pullRequestChanges(octokit, job.repo, job.source, {
    number,
    baseSha: pr.base.sha,
    headSha: pr.head.sha,
  });
  return changed.length > 0;
}
