/**
 * Takes the environment locks for a pull request. A lock held by a pull
 * request that GitHub says is closed (a close this app never saw) is
 * stale: it is released and taken.
 */
import type { Job } from "./job.js";
import type { HeldLock } from "./environment-locks.js";
import { fullName } from "./github-client.js";
import { readPullRequest } from "./pull-request-state.js";

/** Locks `environments` for pull request `number`; returns those held. */
export async function claimLocks(
  job: Job,
  number: number,
  environments: readonly string[],
): Promise<HeldLock[]> {
  const holder = { repository: fullName(job.repo), pullRequest: number };
  const held = await job.services.locks.acquire(holder, environments);
  if (held.length === 0) return held;

  const octokit = await job.octokit();
  let released = false;
  for (const lock of held) {
    if (lock.repository !== holder.repository) continue;
    const other = await readPullRequest(octokit, job.repo, lock.pullRequest);
    if (other.state === "open") continue;
    await job.services.locks.release(lock);
    released = true;
  }
  return released ? job.services.locks.acquire(holder, environments) : held;
}
