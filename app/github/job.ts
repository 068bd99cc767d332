/**
 * What every piece of queued webhook work gets: the services of the
 * running app, the repository and installation, a logger that carries the
 * delivery, and a way to get a client with a fresh installation token.
 */
import type { Logger } from "../log.js";
import type { SwarmClient } from "../swarm/swarm-client.js";
import type { AppliedCommits } from "./applied-commits.js";
import type { DeliveryLog } from "./delivery-log.js";
import type { EnvironmentLocks } from "./environment-locks.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import type { KeyedMutex } from "./keyed-mutex.js";
import type { WorkQueue } from "./work-queue.js";
import type { InstallationClients } from "./installation-clients.js";
import { GitHubRepositorySource } from "./github-source.js";

/** Long-lived parts of the running app, shared by every job. */
export interface BerthServices {
  swarm: SwarmClient;
  queue: WorkQueue;
  deliveries: DeliveryLog;
  locks: EnvironmentLocks;
  applied: AppliedCommits;
  /** Serialises the work on one environment. */
  environments: KeyedMutex;
  /** Web address of the latest check run, by `owner/repo#number`. */
  checkUrls: Map<string, string>;
  /** Installation clients with fresh tokens (set once the app loads). */
  clients?: InstallationClients;
}

/** One delivery's work: services, repository, logger, clients. */
export interface Job {
  services: BerthServices;
  repo: RepoRef;
  log: Logger;
  /** A client whose installation token is good for a while yet. */
  octokit(): Promise<GitHubClient>;
  source: GitHubRepositorySource;
}

/** Builds the job of one delivery. */
export function createJob(
  services: BerthServices,
  input: { repo: RepoRef; installationId: number; log: Logger },
): Job {
  const clients = services.clients;
  if (!clients) throw new Error("the GitHub App is not loaded yet");
  const octokit = () => clients.client(input.installationId);
  return {
    services,
    repo: input.repo,
    log: input.log,
    octokit,
    source: new GitHubRepositorySource(octokit, input.repo),
  };
}
