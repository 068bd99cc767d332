/**
 * Who may run a comment command: users with write access to the
 * repository (unless the settings leave commands to owners), and the
 * owners of the environment a command names.
 */
import type { BerthCommand } from "./command.js";
import type { BerthSettings } from "./settings.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import { ownerMembership } from "./owner-membership.js";

/** Who asks to run which command, under which settings. */
export interface PermissionInput {
  command: BerthCommand;
  user: string;
  settings: BerthSettings;
  /** Owners of the environment the command names, from its labels. */
  environmentOwners: readonly string[];
}

/** Undefined when `user` may run the command, else why not. */
export async function refusalReason(
  octokit: GitHubClient,
  repo: RepoRef,
  input: PermissionInput,
): Promise<string | undefined> {
  const writer = await hasWriteAccess(octokit, repo, input.user);
  const readOnly =
    input.command.name === "plan" || input.command.name === "status";
  if (writer && (input.settings.commandsFrom === "write" || readOnly)) {
    return undefined;
  }
  if ("environment" in input.command) {
    const isMember = ownerMembership(octokit);
    for (const owner of input.environmentOwners) {
      if (await isMember(owner, input.user)) return undefined;
    }
    const owners = input.environmentOwners.map((o) => `@${o}`).join(", ");
    const writers =
      input.settings.commandsFrom === "write"
        ? "users with write access to this repository or "
        : "";
    const listed = owners ? ` (${owners})` : "";
    return (
      `only ${writers}owners of \`${input.command.environment}\`${listed} ` +
      "may run this command"
    );
  }
  return input.settings.commandsFrom === "write"
    ? "only users with write access to this repository may run this command"
    : "only owners of an environment may run commands on it";
}

async function hasWriteAccess(
  octokit: GitHubClient,
  repo: RepoRef,
  user: string,
): Promise<boolean> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
      ...repo,
      username: user,
    });
    return data.permission === "admin" || data.permission === "write";
  } catch (err) {
    if ((err as { status?: number }).status === 404) return false;
    throw err;
  }
}
