/**
 * Publishes the result of a plan as the check run named `Berth` on a head
 * commit: created with its first 50 annotations, then updated with the
 * rest, 50 at a time, as GitHub requires; the last request completes it.
 */
import type { GitHubClient, RepoRef } from "../github/github-client.js";
import type { Finding } from "../manifest/finding.js";
import { inBatches, toAnnotation } from "./annotations.js";

export const CHECK_NAME = "Berth";

/** GitHub refuses check-run summaries longer than this. */
const SUMMARY_LIMIT = 65_535;

export type CheckConclusion = "success" | "failure" | "action_required";

export interface CheckReport {
  headSha: string;
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  findings: readonly Finding[];
  /** Where a user acts on `action_required`, e.g. the pull request. */
  detailsUrl?: string;
}

export interface PublishedCheck {
  id: number;
  url: string;
}

/** Creates the check run of `report`; returns its id and web address. */
export async function publishCheckRun(
  octokit: GitHubClient,
  repo: RepoRef,
  report: CheckReport,
): Promise<PublishedCheck> {
  const batches = inBatches(report.findings.map(toAnnotation));
  const output = (annotations: ReturnType<typeof toAnnotation>[]) => ({
    title: report.title,
    summary: clip(report.summary),
    annotations,
  });
  // The run completes with its last batch, so that nobody reads it
  // finished while annotations are still arriving.
  const done = {
    status: "completed" as const,
    conclusion: report.conclusion,
    completed_at: new Date().toISOString(),
  };
  const single = batches.length <= 1;
  const { data } = await octokit.rest.checks.create({
    ...repo,
    name: CHECK_NAME,
    head_sha: report.headSha,
    ...(single ? done : { status: "in_progress" as const }),
    ...(report.detailsUrl ? { details_url: report.detailsUrl } : {}),
    output: output(batches[0] ?? []),
  });
  const rest = batches.slice(1);
  for (const [index, batch] of rest.entries()) {
    const last = index === rest.length - 1;
    await octokit.rest.checks.update({
      ...repo,
      check_run_id: data.id,
      ...(last ? { ...done, completed_at: new Date().toISOString() } : {}),
      output: output(batch),
    });
  }
  return { id: data.id, url: data.html_url ?? data.url };
}

function clip(summary: string): string {
  if (summary.length <= SUMMARY_LIMIT) return summary;
  const note = "\n\n_The plan was cut here: it is longer than GitHub allows._";
  return summary.slice(0, SUMMARY_LIMIT - note.length) + note;
}
