/**
 * Reports the plan of a pull request: the check run `Berth` on its head,
 * then the one comment, which links the check run.
 */
import type { Job } from "./job.js";
import type { ChangeAnalysis } from "./analyse-change.js";
import type { HeldLock } from "./environment-locks.js";
import type { PullRequestState } from "./pull-request-state.js";
import type { Finding } from "../manifest/finding.js";
import { hasErrors } from "../manifest/finding.js";
import { fullName } from "./github-client.js";
import { formatPlanMarkdown } from "../planner/format-plan.js";
import {
  publishCheckRun,
  type CheckConclusion,
} from "../reporter/check-run.js";
import { renderComment } from "../reporter/render-comment.js";
import { ensureComment } from "../reporter/ensure-comment.js";

/** What the report of a planned pull request shows. */
export interface PlanReport {
  analysis: ChangeAnalysis;
  /** Approvals still missing. */
  missing: string[];
  /** Locks that other pull requests hold. */
  held: HeldLock[];
  settingsProblems: string[];
}

/** Publishes the check run and the comment of a planned pull request. */
export async function reportPlan(
  job: Job,
  pr: PullRequestState,
  report: PlanReport,
): Promise<void> {
  const findings = report.analysis.findings;
  const conclusion = conclude(report);
  const lines = statusLines(report);
  const planMarkdown = formatPlanMarkdown(report.analysis.plan);
  const octokit = await job.octokit();

  const check = await publishCheckRun(octokit, job.repo, {
    headSha: pr.head.sha,
    conclusion,
    title: checkTitle(conclusion, findings),
    summary: [...lines.map((l) => `- ${l}`), "", planMarkdown].join("\n"),
    findings,
    detailsUrl: pr.html_url,
  });
  job.services.checkUrls.set(`${fullName(job.repo)}#${pr.number}`, check.url);

  const body = renderComment({
    title: `plan for ${pr.head.sha.slice(0, 7)}: ${conclusion}`,
    lines,
    findings,
    planMarkdown,
    checkRunUrl: check.url,
  });
  await ensureComment(octokit, job.repo, pr.number, body);
}

function conclude(report: PlanReport): CheckConclusion {
  if (hasErrors(report.analysis.findings)) return "failure";
  if (report.held.length > 0 || report.settingsProblems.length > 0) {
    return "failure";
  }
  return report.missing.length > 0 ? "action_required" : "success";
}

function statusLines(report: PlanReport): string[] {
  const { affected } = report.analysis;
  const lines = [
    ...report.settingsProblems,
    ...report.held.map(
      (lock) =>
        `environment \`${lock.environment}\` is locked by pull request ` +
        `#${lock.pullRequest}; merge or close it first`,
    ),
    ...report.missing.map((m) => `waiting for ${m}`),
  ];
  if (affected.changed.length > 0) {
    lines.push(`changes: ${affected.changed.map(code).join(", ")}`);
  }
  if (affected.removed.length > 0) {
    const verb = affected.removalsHeld ? "held back" : "destroys";
    lines.push(`${verb}: ${affected.removed.map(code).join(", ")}`);
  }
  if (lines.length === 0) lines.push("no environment changes");
  lines.push("applied when merged");
  return lines;
}

function checkTitle(conclusion: CheckConclusion, findings: Finding[]) {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  if (conclusion === "action_required") return "Waiting for approval";
  if (errors + warnings === 0) {
    return conclusion === "success" ? "Plan ready" : "Blocked";
  }
  return `${errors} error(s), ${warnings} warning(s)`;
}

function code(name: string): string {
  return `\`${name}\``;
}
