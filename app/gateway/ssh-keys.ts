/**
 * Where the owners' SSH public keys come from. Locally: a folder with one
 * `<owner>.pub` file per GitHub user (`BERTH_SSH_KEYS_DIR`). The GitHub
 * App implements the same interface with `GET /users/{username}/keys`.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";

/** Finds the public keys of one owner. */
export interface SshKeySource {
  /** Public keys of GitHub user `owner`, one OpenSSH line each. */
  keysOf(owner: string): Promise<string[]>;
}

/** Keys from `<dir>/<owner>.pub`; an owner without a file has none. */
export function localKeySource(dir: string): SshKeySource {
  return {
    async keysOf(owner) {
      if (!/^[A-Za-z0-9-]+$/.test(owner)) return [];
      try {
        const text = await readFile(join(dir, `${owner}.pub`), "utf8");
        return text
          .split("\n")
          .map((line) => line.trim())
          .filter((line) => line && !line.startsWith("#"));
      } catch {
        return [];
      }
    },
  };
}

/**
 * The `authorized_keys` text for `owners`: users' keys, deduplicated and
 * sorted so the same keys always render the same spec. Teams
 * (`org/team`) are skipped; their members' keys need the GitHub API.
 */
export async function authorizedKeys(
  source: SshKeySource,
  owners: readonly string[],
): Promise<string> {
  const users = owners.filter((owner) => !owner.includes("/"));
  const keys = await Promise.all(users.map((user) => source.keysOf(user)));
  return [...new Set(keys.flat())].sort().join("\n");
}
