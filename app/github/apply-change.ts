/**
 * The apply path shared by merges, pushes and `/berth apply`: each
 * environment of an analysed change, serialised per environment, skipped
 * as superseded when the cluster already runs a later commit, with a
 * GitHub Deployment whose statuses carry the access URL. Environments
 * with a manifest come first; destroys follow once they all succeeded.
 */
import type { EnvironmentPlan } from "../planner/types.js";
import type { ApplyResult } from "../applier/apply-environment.js";
import { applyEnvironment } from "../applier/apply-environment.js";
import { readEnvironmentStatus } from "../engine/environment-status.js";
import { finishDeployment, startDeployment } from "../reporter/deployments.js";
import type { Job } from "./job.js";
import type { ChangeAnalysis } from "./analyse-change.js";
import type { EnvironmentResult } from "./apply-results.js";
import { isSuperseded, lastAppliedCommit } from "./superseded.js";
import { recordApplyResults } from "../audit/record-audit.js";
import { syncGatewayAccess } from "../gateway/sync-access.js";

/** The commit applied, and where failures point. */
export interface ApplyChangeOptions {
  commit: string;
  /** Where a failed deployment points: the check run, or the PR. */
  logUrl?: string;
  /** For the audit trail: who caused the apply, and from which PR. */
  who?: string;
  pullRequest?: number;
}

/** Applies `analysis`; one result per environment, in plan order. */
export async function applyChange(
  job: Job,
  analysis: ChangeAnalysis,
  options: ApplyChangeOptions,
): Promise<EnvironmentResult[]> {
  const wanted = analysis.plan.environments.filter((e) => e.desired);
  const unwanted = analysis.plan.environments.filter((e) => !e.desired);
  const builds = new Map<string, Promise<void>>();
  const one = (env: EnvironmentPlan) =>
    job.services.environments.run(env.environment, () =>
      applyOne(job, analysis, env, options, builds),
    );

  const applied = await Promise.all(wanted.map(one));
  if (applied.some((r) => r.outcome === "failed") && unwanted.length > 0) {
    await syncGatewayAccess(job.services.swarm, job.log);
    return [...applied, ...unwanted.map(heldBack)];
  }
  const destroyed = await Promise.all(unwanted.map(one));
  // The gateway learns the routes and tokens of what now runs.
  await syncGatewayAccess(job.services.swarm, job.log);
  return [...applied, ...destroyed];
}

async function applyOne(
  job: Job,
  analysis: ChangeAnalysis,
  env: EnvironmentPlan,
  options: ApplyChangeOptions,
  builds: Map<string, Promise<void>>,
): Promise<EnvironmentResult> {
  const { swarm } = job.services;
  const log = job.log.child({ environment: env.environment });
  const live = await swarm.readLiveState();
  const last = lastAppliedCommit(live, env.environment);
  const octokit = await job.octokit();
  if (await isSuperseded(octokit, job.repo, last, options.commit)) {
    log.info({ last }, "commit superseded for this environment; skipped");
    return {
      environment: env.environment,
      outcome: "superseded",
      reason: `it already runs ${last?.slice(0, 7)}, a later commit`,
      urls: [],
    };
  }

  const deployment = await startDeployment(
    octokit,
    job.repo,
    env.environment,
    options.commit,
  );
  const result = await applyEnvironment(env, { swarm, log, live, builds });
  await recordApplyResults(
    [result],
    {
      who: options.who ?? "github",
      via: "github",
      commit: options.commit,
      ...(options.pullRequest && { pullRequest: options.pullRequest }),
    },
    log,
  );
  const urls = await accessUrls(job, result);
  await finishDeployment(await job.octokit(), job.repo, deployment, {
    state: deploymentState(result),
    description: describe(result),
    ...(urls[0] ? { environmentUrl: urls[0] } : {}),
    ...(options.logUrl ? { logUrl: options.logUrl } : {}),
  });
  return {
    environment: env.environment,
    outcome: result.outcome,
    ...(result.error ? { reason: result.error } : {}),
    urls,
  };
}

async function accessUrls(job: Job, result: ApplyResult): Promise<string[]> {
  if (result.outcome === "failed" || result.outcome === "destroyed") return [];
  const [status] = await readEnvironmentStatus(job.services.swarm, [
    result.environment,
  ]);
  return status?.access.map((a) => a.url) ?? [];
}

function deploymentState(result: ApplyResult) {
  if (result.outcome === "failed") return "failure";
  return result.outcome === "destroyed" ? "inactive" : "success";
}

function describe(result: ApplyResult): string {
  if (result.outcome !== "failed")
    return `${result.environment} ${result.outcome}`;
  return `${result.environment} failed: ${result.error ?? "see the check run"}`;
}

function heldBack(env: EnvironmentPlan): EnvironmentResult {
  return {
    environment: env.environment,
    outcome: "failed",
    reason: "not destroyed: another environment of this change failed to apply",
    urls: [],
  };
}
