/**
 * Installation clients with tokens that stay valid. Berth asks GitHub for
 * installation tokens itself and remembers when each expires: a long
 * apply gets a new token before it reports, instead of a cached one that
 * ran out meanwhile. Clients keep Probot's defaults (base URL for GitHub
 * Enterprise Server, throttling, retries, logging).
 */
import type { Probot } from "probot";
import pRetry from "p-retry";
import type { GitHubClient } from "./github-client.js";

interface Token {
  token: string;
  issuedAt: number;
  expiresAt: number;
}

type ClientClass = new (options: object) => GitHubClient;

const MARGIN_MS = 5 * 60_000;

/** Hands out installation clients with tokens valid for a while. */
export class InstallationClients {
  readonly #app: Probot;
  readonly #tokens = new Map<number, Promise<Token>>();

  constructor(app: Probot) {
    this.#app = app;
  }

  /** A client for `installationId` whose token is valid for a while. */
  async client(installationId: number): Promise<GitHubClient> {
    const appClient = (await this.#app.auth()) as GitHubClient;
    let token = await this.#tokens.get(installationId)?.catch(() => undefined);
    if (!token || expiresSoon(token)) {
      const request = this.#create(appClient, installationId);
      this.#tokens.set(installationId, request);
      token = await request;
    }
    const Client = appClient.constructor as ClientClass;
    return new Client({ auth: { token: token.token } });
  }

  async #create(appClient: GitHubClient, id: number): Promise<Token> {
    // Octokit's throttling leaves token requests alone; retry them here
    // when GitHub asks to wait or fails for a moment.
    const { data } = await pRetry(
      () =>
        appClient.rest.apps.createInstallationAccessToken({
          installation_id: id,
        }),
      {
        retries: 4,
        minTimeout: 1_000,
        shouldRetry: ({ error }) => isTransient(error),
      },
    );
    return {
      token: data.token,
      issuedAt: Date.now(),
      expiresAt: Date.parse(data.expires_at),
    };
  }
}

function isTransient(error: unknown): boolean {
  const { status, message = "" } = error as {
    status?: number;
    message?: string;
  };
  if (status === undefined) return false;
  return (
    status >= 500 ||
    status === 429 ||
    (status === 403 && /rate limit/i.test(message))
  );
}

function expiresSoon(token: Token): boolean {
  const lifetime = token.expiresAt - token.issuedAt;
  const margin = Math.min(MARGIN_MS, lifetime / 2);
  return token.expiresAt - Date.now() < margin;
}
