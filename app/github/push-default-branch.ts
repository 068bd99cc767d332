/**
 * A push to the default branch that no pull request made (a direct push):
 * the same apply path as a merge, never twice for one commit. Merges are
 * left to the merge handler, which also updates the pull request.
 */
import type { Job } from "./job.js";
import { fullName } from "./github-client.js";
import { analyseChange } from "./analyse-change.js";
import { compareCommits } from "./changed-files.js";
import { applyChange } from "./apply-change.js";

const NO_COMMIT = /^0{40}$/;

/** The commits before and after a push. */
export interface PushInput {
  before: string;
  after: string;
}

/** Applies commit `input.after` of the default branch. */
export async function pushDefaultBranch(job: Job, input: PushInput) {
  const log = job.log;
  const repository = fullName(job.repo);
  if (await madeByPullRequest(job, input.after)) {
    log.info("commit merges a pull request; the merge applies it");
    return;
  }
  if (!job.services.applied.claim(repository, input.after)) {
    log.info("commit already applied; nothing to do");
    return;
  }
  try {
    await applyPush(job, input);
    await job.services.applied.confirm(repository, input.after);
  } catch (err) {
    job.services.applied.release(repository, input.after);
    throw err;
  }
}

async function applyPush(job: Job, input: PushInput): Promise<void> {
  const log = job.log;
  const fresh = NO_COMMIT.test(input.before);
  const changed = fresh
    ? "all"
    : await compareCommits(job.source, input.before, input.after);
  if (changed !== "all" && changed.length === 0) {
    log.info("push changes no environment or template");
    return;
  }
  const analysis = await analyseChange(
    job.source,
    job.services.swarm,
    { ...(fresh ? {} : { base: input.before }), head: input.after, changed },
    log,
  );
  try {
    const results = await applyChange(job, analysis, { commit: input.after });
    log.info(
      { results: results.map((r) => `${r.environment}:${r.outcome}`) },
      "push applied",
    );
  } finally {
    await analysis.snapshot.dispose();
  }
}

async function madeByPullRequest(job: Job, sha: string): Promise<boolean> {
  const octokit = await job.octokit();
  try {
    const { data } =
      await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
        ...job.repo,
        commit_sha: sha,
      });
    return data.some((pr) => pr.merge_commit_sha === sha && pr.merged_at);
  } catch (err) {
    job.log.warn({ err }, "cannot tell whether a pull request made the push");
    return false;
  }
}
