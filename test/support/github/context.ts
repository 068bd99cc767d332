/**
 * What every handler of the double can reach: options, state, git and the
 * URLs the double answers on.
 */
import type { Git } from "./git-command.js";
import type { DoubleState } from "./state.js";

/** The running double's context. */
export interface DoubleContext {
  owner: string;
  repo: string;
  defaultBranch: string;
  appId: number;
  appSlug: string;
  installationId: number;
  publicKey: string;
  /** The login of the app's bot user. */
  botLogin: string;
  state: DoubleState;
  git: Git;
  /** e.g. http://127.0.0.1:41234 */
  webUrl: string;
  /** `webUrl` + `/api/v3` */
  apiUrl: string;
}

/** Whether `owner/repo` is the repository the double serves. */
export function isServedRepo(ctx: DoubleContext, owner = "", repo = "") {
  return (
    owner.toLowerCase() === ctx.owner.toLowerCase() &&
    repo.toLowerCase() === ctx.repo.toLowerCase()
  );
}

/** The API URL of the served repository. */
export function repoApiUrl(ctx: DoubleContext): string {
  return `${ctx.apiUrl}/repos/${ctx.owner}/${ctx.repo}`;
}

/** The web URL of the served repository. */
export function repoWebUrl(ctx: DoubleContext): string {
  return `${ctx.webUrl}/${ctx.owner}/${ctx.repo}`;
}
