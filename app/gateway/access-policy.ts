/**
 * Who may open an environment through the gateway. The local mode knows
 * users only by the environment's access token; the GitHub mode signs
 * users in with GitHub and asks GitHub whether they own the environment.
 */

/** Someone the gateway has authenticated. */
export type GatewayUser =
  /** The holder of the access token of `environment`. */
  | { kind: "token"; environment: string }
  /** A GitHub user signed in through the GitHub App's OAuth flow. */
  | { kind: "github"; login: string };

/** Decides whether an authenticated user may open an environment. */
export interface AccessPolicy {
  /**
   * Resolves true when `user` may reach every access port of
   * `environment`. The GitHub App implements it with the environment's
   * owners: listed users, members of listed teams, organisation admins.
   */
  allows(user: GatewayUser, environment: string): Promise<boolean>;
}

/** The local mode's policy: a token opens its own environment only. */
export const tokenPolicy: AccessPolicy = {
  async allows(user, environment) {
    return user.kind === "token" && user.environment === environment;
  },
};
