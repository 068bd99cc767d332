/**
 * Links from the dashboard to the environments repository on GitHub:
 * commits, pull requests, users and teams. A link is made only from a
 * value of the expected shape, since the labels it comes from are written
 * by users; anything else is shown as text.
 */

export interface RepositoryLinks {
  commit(sha: string): string | undefined;
  pullRequest(number: number): string | undefined;
  owner(slug: string): string | undefined;
}

const SHA = /^[0-9a-f]{7,64}$/;
const USER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const TEAM = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;

/**
 * Link makers for the repository at `repositoryUrl` (an https URL such as
 * `https://github.com/acme/environments`); commit and pull request links
 * are not made without it.
 */
export function repositoryLinks(repositoryUrl?: string): RepositoryLinks {
  const repo = repositoryUrl ? webUrl(repositoryUrl) : undefined;
  const site = repo ? new URL(repo).origin : "https://github.com";
  return {
    commit: (sha) =>
      repo && SHA.test(sha) ? `${repo}/commit/${sha}` : undefined,
    pullRequest: (number) =>
      repo && Number.isSafeInteger(number) && number > 0
        ? `${repo}/pull/${number}`
        : undefined,
    owner: (slug) => ownerLink(site, slug),
  };
}

/**
 * The web address of a git remote, without credentials or `.git`:
 * `git@github.com:acme/envs.git` gives `https://github.com/acme/envs`.
 * Undefined for a remote that is not on a web host (a local path).
 */
export function webUrl(remote: string): string | undefined {
  const scp = /^[\w.-]+@([\w.-]+):([\w./-]+?)(?:\.git)?\/?$/.exec(remote);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  try {
    const url = new URL(remote);
    if (!["https:", "http:", "ssh:", "git:"].includes(url.protocol)) {
      return undefined;
    }
    const path = url.pathname.replace(/\.git$/, "").replace(/\/+$/, "");
    if (!/^\/[\w.-]+\/[\w.-]+$/.test(path)) return undefined;
    const scheme = url.protocol === "http:" ? "http" : "https";
    return `${scheme}://${url.hostname}${path}`;
  } catch {
    return undefined;
  }
}

function ownerLink(site: string, slug: string): string | undefined {
  if (TEAM.test(slug)) {
    const [org, team] = slug.split("/");
    return `${site}/orgs/${org}/teams/${team}`;
  }
  return USER.test(slug) ? `${site}/${slug}` : undefined;
}
