/**
 * A merged pull request: applies exactly its merge commit, environment by
 * environment, destroys the environments whose manifests it removed,
 * updates the comment with each result and URL, and releases its locks.
 */
import { observeMergeToHealthy } from "../observe/engine-metrics.js";
import type { Job } from "./job.js";
import type { EnvironmentResult } from "./apply-results.js";
import { fullName } from "./github-client.js";
import { analyseChange } from "./analyse-change.js";
import { pullRequestChanges } from "./changed-files.js";
import { readPullRequest } from "./pull-request-state.js";
import { readSettings } from "./read-settings.js";
import { approvalStatus } from "./approval-status.js";
import { applyChange } from "./apply-change.js";
import { renderComment } from "../reporter/render-comment.js";
import { ensureComment } from "../reporter/ensure-comment.js";
import { resultLines } from "../reporter/result-lines.js";
import { formatPlanMarkdown } from "../planner/format-plan.js";

/** A merged pull request and its merge commit. */
export interface MergeInput {
  number: number;
  mergeCommit: string;
  /** Who merged, and when (ISO 8601), from the webhook. */
  mergedBy?: string;
  mergedAt?: string;
}

/** Applies the merge commit of pull request `input.number`. */
export async function mergePullRequest(job: Job, input: MergeInput) {
  const log = job.log;
  const repository = fullName(job.repo);
  const holder = { repository, pullRequest: input.number };
  if (!job.services.applied.claim(repository, input.mergeCommit)) {
    log.info("merge commit already applied; nothing to do");
    await job.services.locks.release(holder);
    return;
  }
  try {
    const applied = await applyMerge(job, input);
    await job.services.applied.confirm(repository, input.mergeCommit);
    await job.services.locks.release(holder);
    log.info({ environments: applied }, "merge applied");
  } catch (err) {
    job.services.applied.release(repository, input.mergeCommit);
    throw err;
  }
}

async function applyMerge(job: Job, input: MergeInput): Promise<number> {
  const octokit = await job.octokit();
  const pr = await readPullRequest(octokit, job.repo, input.number);
  const changed = await pullRequestChanges(octokit, job.repo, job.source, {
    number: input.number,
    baseSha: pr.base.sha,
    headSha: pr.head.sha,
  });
  if (changed.length === 0) return 0;

  const log = job.log;
  const analysis = await analyseChange(
    job.source,
    job.services.swarm,
    { base: pr.base.sha, head: input.mergeCommit, changed },
    log,
  );
  try {
    const { settings } = await readSettings(octokit, job.repo);
    const codeowners = await job.source.readFiles(pr.base.sha, [
      ".github/CODEOWNERS",
    ]);
    const missing = await approvalStatus(octokit, job.repo, {
      settings,
      number: pr.number,
      author: pr.user?.login ?? "",
      analysis,
      codeowners: codeowners.get(".github/CODEOWNERS")?.toString() ?? "",
    });
    const checkUrl = job.services.checkUrls.get(
      `${fullName(job.repo)}#${pr.number}`,
    );
    if (missing.length > 0) {
      await comment(job, pr.number, {
        title: `merged ${input.mergeCommit.slice(0, 7)}, nothing applied`,
        lines: missing.map((m) => `missing ${m}`),
        checkUrl,
      });
      return 0;
    }
    await comment(job, pr.number, {
      title: `applying ${input.mergeCommit.slice(0, 7)}`,
      lines: analysis.plan.environments.map((e) => `\`${e.environment}\` …`),
      checkUrl,
      planMarkdown: formatPlanMarkdown(analysis.plan),
    });
    const results = await applyChange(job, analysis, {
      commit: input.mergeCommit,
      logUrl: checkUrl ?? pr.html_url,
      pullRequest: pr.number,
      ...(input.mergedBy && { who: input.mergedBy }),
    });
    if (input.mergedAt && results.every((r) => r.outcome !== "failed")) {
      observeMergeToHealthy(new Date(input.mergedAt));
    }
    await comment(job, pr.number, {
      title:
        `merged and applied ${input.mergeCommit.slice(0, 7)}: ` +
        summary(results),
      lines: resultLines(results),
      checkUrl,
    });
    return results.length;
  } finally {
    await analysis.snapshot.dispose();
  }
}

async function comment(
  job: Job,
  number: number,
  view: {
    title: string;
    lines: string[];
    checkUrl: string | undefined;
    planMarkdown?: string;
  },
): Promise<void> {
  const body = renderComment({
    title: view.title,
    lines: view.lines,
    findings: [],
    ...(view.planMarkdown ? { planMarkdown: view.planMarkdown } : {}),
    ...(view.checkUrl ? { checkRunUrl: view.checkUrl } : {}),
  });
  await ensureComment(await job.octokit(), job.repo, number, body);
}

function summary(results: readonly EnvironmentResult[]): string {
  const failed = results.filter((r) => r.outcome === "failed").length;
  return failed === 0 ? "all healthy" : `${failed} failed`;
}
