/**
 * `/berth apply`: applies a pull request's head before merge, only when
 * the settings allow it, its approvals are met, it has no errors and it
 * does not come from a fork.
 */
import type { Job } from "./job.js";
import type { CommandAnswer } from "./command-actions.js";
import { hasErrors } from "../manifest/finding.js";
import { fullName } from "./github-client.js";
import { analyseChange } from "./analyse-change.js";
import { pullRequestChanges } from "./changed-files.js";
import { isFork, readPullRequest } from "./pull-request-state.js";
import { readSettings } from "./read-settings.js";
import { approvalStatus } from "./approval-status.js";
import { claimLocks } from "./claim-locks.js";
import { applyChange } from "./apply-change.js";
import { resultLines } from "../reporter/result-lines.js";

/** Applies pull request `number` at its head, when everything allows it. */
export async function applyPullRequest(
  job: Job,
  number: number,
): Promise<CommandAnswer> {
  const octokit = await job.octokit();
  const { settings } = await readSettings(octokit, job.repo);
  if (!settings.allowApplyBeforeMerge) {
    return refuse(
      "this repository applies on merge only " +
        "(`allowApplyBeforeMerge: true` in .github/berth.yml allows it)",
    );
  }
  const pr = await readPullRequest(octokit, job.repo, number);
  if (pr.state !== "open") return refuse("the pull request is closed");
  if (isFork(pr, job.repo)) {
    return refuse("pull requests from forks are applied only after merge");
  }
  const changed = await pullRequestChanges(octokit, job.repo, job.source, {
    number,
    baseSha: pr.base.sha,
    headSha: pr.head.sha,
  });
  const log = job.log.child({ head: pr.head.sha });
  const analysis = await analyseChange(
    job.source,
    job.services.swarm,
    { base: pr.base.sha, head: pr.head.sha, changed, pullRequest: number },
    log,
  );
  try {
    if (hasErrors(analysis.findings)) {
      return refuse("the plan has errors; see the Berth check run");
    }
    const codeowners = await job.source.readFiles(pr.base.sha, [
      ".github/CODEOWNERS",
    ]);
    const missing = await approvalStatus(octokit, job.repo, {
      settings,
      number,
      author: pr.user?.login ?? "",
      analysis,
      codeowners: codeowners.get(".github/CODEOWNERS")?.toString() ?? "",
    });
    if (missing.length > 0) return refuse(`missing ${missing.join("; ")}`);
    const held = await claimLocks(job, number, analysis.affected.changed);
    if (held.length > 0) {
      return refuse(
        held
          .map((l) => `\`${l.environment}\` is locked by #${l.pullRequest}`)
          .join("; "),
      );
    }
    const changing = {
      ...analysis,
      plan: {
        environments: analysis.plan.environments.filter((e) => e.desired),
      },
    };
    const results = await applyChange(job, changing, {
      commit: pr.head.sha,
      pullRequest: number,
      logUrl:
        job.services.checkUrls.get(`${fullName(job.repo)}#${number}`) ??
        pr.html_url,
    });
    const ok = results.every((r) => r.outcome !== "failed");
    return {
      ok,
      text: [`Applied ${pr.head.sha.slice(0, 7)}:`, ...resultLines(results)]
        .map((line, i) => (i === 0 ? line : `- ${line}`))
        .join("\n"),
    };
  } finally {
    await analysis.snapshot.dispose();
  }
}

function refuse(reason: string): CommandAnswer {
  return { ok: false, text: `Not applied: ${reason}.` };
}
