/**
 * Starts the GitHub double: a GitHub Enterprise Server look-alike on
 * 127.0.0.1 that serves a local git repository through the REST API.
 */
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import type { DoubleContext } from "./context.js";
import * as controls from "./double-controls.js";
import { asServed, stateViews } from "./double-views.js";
import { gitIn } from "./git-command.js";
import { listen } from "./http-server.js";
import { restDescription } from "./openapi-description.js";
import { emptyState } from "./state.js";
import type {
  DoubleOptions,
  GitHubDouble,
  IssueComment,
  RecordedRequest,
} from "./types.js";

function checkGitDir(dir: string) {
  if (existsSync(join(dir, ".git")) || existsSync(join(dir, "HEAD"))) return;
  throw new Error(
    `gitDir ${dir} is not a git repository: create one (for example with ` +
      "createTestRepo from test/support/git-repo.ts) and commit to it first.",
  );
}

function contextFor(o: DoubleOptions): DoubleContext {
  const appSlug = o.appSlug ?? "berth";
  return {
    owner: o.owner,
    repo: o.repo,
    defaultBranch: o.defaultBranch ?? "main",
    appId: o.appId,
    appSlug,
    installationId: o.installationId,
    publicKey: o.publicKey,
    botLogin: `${appSlug}[bot]`,
    state: emptyState(),
    git: gitIn(o.gitDir),
    webUrl: "",
    apiUrl: "",
  };
}

/** Starts the double for `o`; `close()` stops it. */
export async function startGitHubDouble(
  o: DoubleOptions,
): Promise<GitHubDouble> {
  checkGitDir(o.gitDir);
  restDescription();
  const ctx = contextFor(o);
  const problems: string[] = [];
  const requests: RecordedRequest[] = [];
  const checkResponses =
    o.checkResponses ?? Boolean(process.env["GITHUB_DOUBLE_CHECK_RESPONSES"]);
  const { server, port } = await listen(ctx, {
    problems,
    requests,
    checkResponses,
  });
  ctx.webUrl = `http://127.0.0.1:${port}`;
  ctx.apiUrl = `${ctx.webUrl}/api/v3`;
  return doubleFor(ctx, o, server, { problems, requests });
}

function stopServer(server: Server): Promise<void> {
  return new Promise<void>((done, fail) => {
    server.closeAllConnections();
    server.close((error) => (error ? fail(error) : done()));
  });
}

function doubleFor(
  ctx: DoubleContext,
  o: DoubleOptions,
  server: Server,
  sinks: { problems: string[]; requests: RecordedRequest[] },
): GitHubDouble {
  const views = stateViews(ctx);
  return {
    ...views,
    url: ctx.webUrl,
    host: ctx.webUrl.replace(/^http:\/\//, ""),
    options: {
      owner: o.owner,
      repo: o.repo,
      gitDir: o.gitDir,
      defaultBranch: ctx.defaultBranch,
      appId: o.appId,
      installationId: o.installationId,
      publicKey: o.publicKey,
      appSlug: ctx.appSlug,
    },
    ...sinks,
    setPermission: (user, level) => controls.setPermission(ctx, user, level),
    setTeamMember: (org, team, user) =>
      controls.setTeamMember(ctx, org, team, user),
    setUserKeys: (user, keys) =>
      void ctx.state.userKeys.set(user.toLowerCase(), keys),
    openPullRequest: (input) =>
      views.pullRequest(controls.openPullRequest(ctx, input)),
    addReview: (pr, review) => controls.addReview(ctx, pr, review),
    merge: (pr) => controls.merge(ctx, pr),
    reopen: (pr) => controls.reopen(ctx, pr),
    deleteFork: (pr) => controls.deleteFork(ctx, pr),
    addComment: (issue, user, body) => {
      const comment = controls.comment(ctx, issue, user, body);
      return asServed<IssueComment>(
        ctx,
        `/issues/comments/${comment.id}`,
        comment,
      );
    },
    failNext(count, kind) {
      ctx.state.failures = { count, kind };
    },
    get tokenLifetimeMs() {
      return ctx.state.tokenLifetimeMs;
    },
    set tokenLifetimeMs(ms: number) {
      ctx.state.tokenLifetimeMs = ms;
    },
    close: ((pr?: number) =>
      pr === undefined
        ? stopServer(server)
        : controls.closePull(ctx, pr)) as GitHubDouble["close"],
  };
}
