/**
 * The local GitOps mode: follows a branch of a local git repository and
 * makes the cluster equal to each new commit of it, destroying environments
 * whose manifests were removed (those applied from this repository's
 * history only). One commit is applied at a time.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { simpleGit } from "simple-git";
import type { Logger } from "../log.js";
import type { SwarmClient } from "../swarm/swarm-client.js";
import type { ApplyResult } from "../applier/apply-environment.js";
import { takeSnapshot } from "../repo/snapshot.js";
import { commitHistory } from "../repo/commit-history.js";
import { formatFinding } from "../manifest/finding.js";
import { planRepository } from "./plan-repository.js";
import { applyRepositoryPlan } from "./apply-repository.js";

export interface WatchOptions {
  repoDir: string;
  branch: string;
  intervalMs: number;
  swarm: SwarmClient;
  log: Logger;
  signal: AbortSignal;
  /** Called after each commit is applied (tests and dashboards use it). */
  onApplied?: (commit: string, results: ApplyResult[]) => void;
}

/** Runs until `signal` aborts. */
export async function watchBranch(options: WatchOptions): Promise<void> {
  const { log, signal } = options;
  const git = simpleGit(options.repoDir);
  let applied: string | undefined;
  log.info({ branch: options.branch }, "watching branch");

  while (!signal.aborted) {
    const head = await readHead(git, options.branch, log);
    if (head && head !== applied) {
      const results = await applyCommit(options, head);
      options.onApplied?.(head, results);
      applied = head;
    }
    await pause(options.intervalMs, signal);
  }
  log.info("stopped watching");
}

async function readHead(
  git: ReturnType<typeof simpleGit>,
  branch: string,
  log: Logger,
): Promise<string | undefined> {
  try {
    return (await git.revparse(["--verify", `${branch}^{commit}`])).trim();
  } catch (err) {
    log.warn({ err, branch }, "cannot read branch; will retry");
    return undefined;
  }
}

async function applyCommit(
  options: WatchOptions,
  commit: string,
): Promise<ApplyResult[]> {
  const log = options.log.child({ commit });
  const snapshot = await takeSnapshot(options.repoDir, commit);
  try {
    log.info("applying commit");
    const { plan, findings, live } = await planRepository(
      options.swarm,
      {
        root: snapshot.dir,
        commit,
        only: [],
        prune: true,
        history: await commitHistory(options.repoDir, commit),
      },
      log,
    );
    for (const finding of findings) {
      log.warn({ finding: formatFinding(finding) }, "manifest problem");
    }
    const results = await applyRepositoryPlan(plan, {
      swarm: options.swarm,
      log,
      live,
    });
    for (const result of results) {
      const level = result.outcome === "failed" ? "error" : "info";
      log[level](
        {
          environment: result.environment,
          outcome: result.outcome,
          changes: result.changes,
          durationMs: result.durationMs,
          error: result.error,
        },
        "environment applied",
      );
    }
    return results;
  } catch (err) {
    log.error({ err }, "could not apply commit; waiting for the next one");
    return [];
  } finally {
    await snapshot.dispose();
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return sleep(ms, undefined, { signal }).catch(() => undefined);
}
