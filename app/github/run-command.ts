/**
 * Runs a comment command on a pull request: acknowledges it with a
 * reaction, checks who asked, runs it, and answers with a reply and a
 * final reaction (`+1` done, `-1` refused or failed, `confused` unknown).
 */
import type { Job } from "./job.js";
import type { BerthCommand } from "./command.js";
import { COMMAND_HELP, parseComment } from "./command.js";
import { readSettings } from "./read-settings.js";
import { refusalReason } from "./command-permission.js";
import { runCommandAction } from "./command-actions.js";
import { readEnvironmentStatus } from "../engine/environment-status.js";
import { react } from "../reporter/reactions.js";
import { recordAuditEvent } from "../audit/record-audit.js";

/** A comment on a pull request and who wrote it. */
export interface CommentInput {
  number: number;
  commentId: number;
  body: string;
  user: string;
}

/** Handles one comment; comments that are not commands are ignored. */
export async function runCommand(job: Job, input: CommentInput) {
  const parsed = parseComment(input.body);
  if (parsed.kind === "none") return;
  const log = job.log.child({ pullRequest: input.number, user: input.user });
  const octokit = await job.octokit();
  await react(octokit, job.repo, input.commentId, "eyes");

  if (parsed.kind === "invalid") {
    await reply(job, input, `${parsed.problem}.\n\n${COMMAND_HELP}`);
    await react(octokit, job.repo, input.commentId, "confused");
    return;
  }
  const refusal = await checkPermission(job, input, parsed.command);
  const audit = (result: string) =>
    auditCommand(job, input, parsed.command, result);
  if (refusal) {
    log.info({ command: parsed.command.name }, "command refused");
    await audit("refused");
    await reply(job, input, `@${input.user}, ${refusal}.`);
    await react(await job.octokit(), job.repo, input.commentId, "-1");
    return;
  }

  log.info({ command: parsed.command.name }, "running command");
  try {
    const answer = await runCommandAction(job, input.number, parsed.command);
    await audit(answer.ok ? "done" : "failed");
    if (answer.text) await reply(job, input, answer.text);
    await react(
      await job.octokit(),
      job.repo,
      input.commentId,
      answer.ok ? "+1" : "-1",
    );
  } catch (err) {
    log.error({ err }, "command failed");
    await audit("failed");
    await reply(
      job,
      input,
      `\`/berth ${parsed.command.name}\` failed: ${(err as Error).message}`,
    );
    await react(await job.octokit(), job.repo, input.commentId, "-1");
  }
}

/** Records who ran which command on which pull request, and its result. */
function auditCommand(
  job: Job,
  input: CommentInput,
  command: BerthCommand,
  result: string,
): Promise<void> {
  const line = input.body.trim().split("\n")[0] ?? "";
  return recordAuditEvent(
    {
      time: new Date().toISOString(),
      action: "command",
      who: input.user,
      via: "github",
      ...("environment" in command && { environment: command.environment }),
      pullRequest: input.number,
      result,
      command: line.slice(0, 500),
    },
    job.log,
  );
}

async function checkPermission(
  job: Job,
  input: CommentInput,
  command: BerthCommand,
): Promise<string | undefined> {
  const octokit = await job.octokit();
  const { settings } = await readSettings(octokit, job.repo);
  const owners =
    "environment" in command
      ? ((
          await readEnvironmentStatus(job.services.swarm, [command.environment])
        )[0]?.owners ?? [])
      : [];
  return refusalReason(octokit, job.repo, {
    command,
    user: input.user,
    settings,
    environmentOwners: owners,
  });
}

async function reply(job: Job, input: CommentInput, text: string) {
  const octokit = await job.octokit();
  await octokit.rest.issues.createComment({
    ...job.repo,
    issue_number: input.number,
    body: text,
  });
}
