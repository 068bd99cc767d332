/**
 * What every webhook payload builder shares: the repository, installation
 * and sender parts, the overlay on a real example, and git access.
 */
import { execFileSync } from "node:child_process";
import { stableId } from "./rest-people.js";
import { overlay } from "./webhook-examples.js";
import type { GitHubDouble } from "./types.js";

/** The sha GitHub sends for "no commit". */
export const ZERO = "0".repeat(40);

/** Repository, installation and sender of a payload. */
export function common(d: GitHubDouble, sender: string) {
  const repository = d.repository();
  const owner = repository.owner;
  return {
    repository,
    installation: {
      id: d.options.installationId,
      node_id: `I_${d.options.installationId}`,
    },
    sender: { ...owner, login: sender, id: stableId(`user:${sender}`) },
  };
}

/** A real example overlaid with `real` (the caller checks the result). */
export function adjust(
  example: Record<string, unknown>,
  real: Record<string, unknown>,
) {
  const payload = overlay(example, real) as Record<string, unknown>;
  if (real["installation"]) payload["installation"] = real["installation"];
  delete payload["organization"];
  delete payload["enterprise"];
  return payload;
}

/** Runs git in the double's repository. */
export function git(d: GitHubDouble, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd: d.options.gitDir,
    encoding: "utf8",
  }).trim();
}

/** The first parent of `sha`, or the zero sha for a root commit. */
export function parentOf(d: GitHubDouble, sha: string): string {
  try {
    return git(d, "rev-parse", `${sha}^`);
  } catch {
    return ZERO;
  }
}
