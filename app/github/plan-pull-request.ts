/**
 * Checks a pull request: finds the environments it changes, validates and
 * plans them against the live cluster, works out approvals and locks, and
 * reports one check run and one comment. Plans only: nothing of an
 * unmerged pull request is built or applied here.
 */
import type { Job } from "./job.js";
import type { ChangeAnalysis } from "./analyse-change.js";
import type { HeldLock } from "./environment-locks.js";
import type { PullRequestState } from "./pull-request-state.js";
import { fullName } from "./github-client.js";
import { analyseChange } from "./analyse-change.js";
import { pullRequestChanges } from "./changed-files.js";
import { readPullRequest } from "./pull-request-state.js";
import { readSettings } from "./read-settings.js";
import { approvalStatus } from "./approval-status.js";
import { claimLocks } from "./claim-locks.js";
import { reportPlan } from "./report-plan.js";

/** Plans pull request `number` at its current head and reports it. */
export async function planPullRequest(job: Job, number: number) {
  const octokit = await job.octokit();
  const pr = await readPullRequest(octokit, job.repo, number);
  const log = job.log.child({ commit: pr.head.sha });
  if (pr.state !== "open") {
    log.info("pull request is closed; nothing to plan");
    return;
  }
  const changed = await pullRequestChanges(octokit, job.repo, job.source, {
    number,
    baseSha: pr.base.sha,
    headSha: pr.head.sha,
  });
  const holder = { repository: fullName(job.repo), pullRequest: number };
  if (changed.length === 0 && !job.services.locks.holds(holder)) {
    log.info("pull request changes no environment or template");
    return;
  }

  log.info({ files: changed.length }, "planning pull request");
  const analysis = await analyseChange(
    job.source,
    job.services.swarm,
    { base: pr.base.sha, head: pr.head.sha, changed, pullRequest: number },
    log,
  );
  try {
    await finish(job, pr, analysis);
  } finally {
    await analysis.snapshot.dispose();
  }
}

async function finish(
  job: Job,
  pr: PullRequestState,
  analysis: ChangeAnalysis,
): Promise<void> {
  const log = job.log.child({ commit: pr.head.sha });
  const octokit = await job.octokit();
  const { settings, problems } = await readSettings(octokit, job.repo);
  const codeowners = await job.source.readFiles(pr.base.sha, [
    ".github/CODEOWNERS",
  ]);
  const missing = await approvalStatus(octokit, job.repo, {
    settings,
    number: pr.number,
    author: pr.user?.login ?? "",
    analysis,
    codeowners: codeowners.get(".github/CODEOWNERS")?.toString("utf8") ?? "",
  });

  const now = await readPullRequest(octokit, job.repo, pr.number);
  if (now.state !== "open" || now.head.sha !== pr.head.sha) {
    log.info({ head: now.head.sha }, "head moved or closed; result dropped");
    return;
  }
  const held: HeldLock[] = await claimLocks(job, pr.number, [
    ...analysis.affected.changed,
    ...analysis.affected.removed,
  ]);
  await reportPlan(job, pr, {
    analysis,
    missing,
    held,
    settingsProblems: problems,
  });
  log.info("pull request planned");
}
