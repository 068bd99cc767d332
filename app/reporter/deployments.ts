/**
 * A GitHub Deployment per environment applied: environment `berth/<env>`,
 * created for exactly the commit applied, with statuses in progress, then
 * success with the access URL or failure pointing at the check run.
 */
import type { GitHubClient, RepoRef } from "../github/github-client.js";

export interface DeploymentHandle {
  id: number;
}

/** Creates the deployment of `environment` at `sha`, in progress. */
export async function startDeployment(
  octokit: GitHubClient,
  repo: RepoRef,
  environment: string,
  sha: string,
): Promise<DeploymentHandle> {
  const { data, status } = await octokit.rest.repos.createDeployment({
    ...repo,
    ref: sha,
    environment: `berth/${environment}`,
    auto_merge: false,
    required_contexts: [],
    description: `Berth applies ${environment}`,
    transient_environment: true,
  });
  if (status !== 201 || !("id" in data)) {
    throw new Error(
      `GitHub did not create a deployment for ${environment}: ` +
        `${"message" in data ? data.message : `status ${status}`}`,
    );
  }
  await setStatus(octokit, repo, data.id, { state: "in_progress" });
  return { id: data.id };
}

export interface DeploymentOutcome {
  state: "success" | "failure" | "inactive";
  description: string;
  environmentUrl?: string;
  logUrl?: string;
}

/** Records how the deployment ended. */
export async function finishDeployment(
  octokit: GitHubClient,
  repo: RepoRef,
  deployment: DeploymentHandle,
  outcome: DeploymentOutcome,
): Promise<void> {
  await setStatus(octokit, repo, deployment.id, {
    state: outcome.state,
    description: outcome.description.slice(0, 140),
    ...(outcome.environmentUrl
      ? { environment_url: outcome.environmentUrl }
      : {}),
    ...(outcome.logUrl ? { log_url: outcome.logUrl } : {}),
  });
}

async function setStatus(
  octokit: GitHubClient,
  repo: RepoRef,
  id: number,
  status: {
    state: "in_progress" | "success" | "failure" | "inactive";
    description?: string;
    environment_url?: string;
    log_url?: string;
  },
): Promise<void> {
  await octokit.rest.repos.createDeploymentStatus({
    ...repo,
    deployment_id: id,
    ...status,
  });
}
