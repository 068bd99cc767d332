/**
 * Whether a user is one of an environment's owners: the user named, or a
 * member of the team named `org/team`. Team answers are cached per job.
 */
import type { GitHubClient } from "./github-client.js";

/** Returns `isMember(owner, user)` backed by the team membership API. */
export function ownerMembership(octokit: GitHubClient) {
  const cache = new Map<string, Promise<boolean>>();
  return (owner: string, user: string): Promise<boolean> => {
    const [org, team] = owner.split("/");
    if (!team || !org) {
      return Promise.resolve(owner.toLowerCase() === user.toLowerCase());
    }
    const key = `${owner}:${user}`;
    let answer = cache.get(key);
    if (!answer) {
      answer = octokit.rest.teams
        .getMembershipForUserInOrg({ org, team_slug: team, username: user })
        .then((r) => r.data.state === "active")
        .catch(() => false);
      cache.set(key, answer);
    }
    return answer;
  };
}
