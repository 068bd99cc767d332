/**
 * What each comment command does once it is allowed. Each returns the
 * text of a reply (if any) and whether it succeeded.
 */
import { syncGatewayAccess } from "../gateway/sync-access.js";
import type { Job } from "./job.js";
import type { BerthCommand } from "./command.js";
import { durationSeconds } from "./command.js";
import { fullName } from "./github-client.js";
import { planPullRequest } from "./plan-pull-request.js";
import { applyPullRequest } from "./apply-pull-request.js";
import { extendEnvironment } from "./extend-environment.js";
import { destroyEnvironment } from "../applier/destroy-environment.js";
import { readEnvironmentStatus } from "../engine/environment-status.js";
import { formatStatusMarkdown } from "../reporter/status-markdown.js";

/** The reply to a command and whether it succeeded. */
export interface CommandAnswer {
  ok: boolean;
  text?: string;
}

/** Runs `command` on pull request `number`. */
export async function runCommandAction(
  job: Job,
  number: number,
  command: BerthCommand,
): Promise<CommandAnswer> {
  switch (command.name) {
    case "plan":
      await planPullRequest(job, number);
      return { ok: true };
    case "apply":
      return applyPullRequest(job, number);
    case "status":
      return status(job, number);
    case "destroy":
      return destroy(job, command.environment);
    case "extend":
      return extend(job, command.environment, command.duration);
  }
}

async function status(job: Job, number: number): Promise<CommandAnswer> {
  const all = await readEnvironmentStatus(job.services.swarm);
  const holder = fullName(job.repo);
  const mine = all.filter((env) => {
    const lock = job.services.locks.holder(env.name);
    const locked = lock?.repository === holder && lock.pullRequest === number;
    return locked || env.pullRequest === number;
  });
  return { ok: true, text: formatStatusMarkdown(mine) };
}

async function destroy(job: Job, name: string): Promise<CommandAnswer> {
  const result = await job.services.environments.run(name, () =>
    destroyEnvironment(job.services.swarm, name, {
      purgeData: false,
      log: job.log.child({ environment: name }),
    }),
  );
  // The gateway forgets the environment's routes and token.
  await syncGatewayAccess(job.services.swarm, job.log);
  if (result.removed.length === 0) {
    return { ok: false, text: `\`${name}\` does not run; nothing destroyed.` };
  }
  const kept = result.keptVolumes.length
    ? ` Volumes kept: ${result.keptVolumes.map((v) => `\`${v}\``).join(", ")}.`
    : "";
  return { ok: true, text: `Destroyed \`${name}\`.${kept}` };
}

async function extend(
  job: Job,
  name: string,
  duration: string,
): Promise<CommandAnswer> {
  const seconds = durationSeconds(duration);
  const expiry = await job.services.environments.run(name, () =>
    extendEnvironment(job.services.swarm, name, seconds),
  );
  if (!expiry) {
    return { ok: false, text: `\`${name}\` does not run; nothing extended.` };
  }
  const until = expiry.toISOString();
  return { ok: true, text: `\`${name}\` now expires at ${until}.` };
}
