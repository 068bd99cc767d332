/**
 * Reads `.github/berth.yml` of the repository's default branch with
 * Probot's config support, then checks it. A pull request can never
 * loosen its own rules: the settings are never read from its head.
 */
import type { GitHubClient, RepoRef } from "./github-client.js";
import { parseSettings, type SettingsResult } from "./settings.js";

/** The repository's settings, and any problems found in them. */
export async function readSettings(
  octokit: GitHubClient,
  repo: RepoRef,
): Promise<SettingsResult> {
  try {
    const { config, files } = await octokit.config.get({
      ...repo,
      path: ".github/berth.yml",
    });
    const found = files.some((file) => file.config !== null);
    return parseSettings(found ? config : null);
  } catch (err) {
    const message = (err as Error).message;
    return {
      ...parseSettings(null),
      problems: [`.github/berth.yml could not be read: ${message}`],
    };
  }
}
