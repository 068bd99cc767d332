/**
 * Test infrastructure for Berth's GitHub side, which GitHub itself cannot
 * be reached for here.
 *
 * - `startGitHubDouble(options)` runs a GitHub Enterprise Server look-alike
 *   on 127.0.0.1 (REST API under `/api/v3`). Point Probot at it with
 *   `GHE_HOST=double.host` and `GHE_PROTOCOL=http`. It serves the commits
 *   of `options.gitDir`, records what the app writes (check runs with every
 *   annotation, comments, reactions, deployments, issues, pull requests),
 *   and checks every request against `@octokit/openapi`: anything GitHub
 *   would refuse lands in `double.problems` and gets GitHub's error answer.
 *   A test should end with `expect(double.problems).toEqual([])`.
 * - Controls act as people on GitHub's web page: `openPullRequest`,
 *   `addReview`, `merge` (a real merge commit in gitDir), `close(pr)`,
 *   `reopen`, `deleteFork`, `addComment`, `setPermission`,
 *   `setTeamMember`, `setUserKeys`, `failNext(n, kind)`, `tokenLifetimeMs`.
 * - `pullRequestPayload`, `pushPayload`, `issueCommentPayload` and
 *   `installationPayload` build webhook payloads from real examples,
 *   adjusted to the double's state and checked against
 *   `@octokit/webhooks-schemas`; `deliver` signs and POSTs one.
 * - `generateAppKeyPair()` makes the app's keys; `startBerthServe` runs
 *   `berth serve` as a child process against the double.
 * - `responseErrors(method, path, status, body)` checks a response against
 *   the description (set `checkResponses: true` or
 *   `GITHUB_DOUBLE_CHECK_RESPONSES=1` to check all of the double's own).
 *
 * Behaviour worth knowing:
 * - Refused requests (400, 401, 409, 422, 5xx) and unknown or
 *   unimplemented endpoints (404, 501) are problems; a 404 for something
 *   missing (a file, the owner's `.github` repository) is not.
 * - Unknown query parameters are problems, although GitHub ignores them.
 * - An open pull request follows its branches in gitDir; closing, merging
 *   or deleting its fork fixes its head and base commits.
 * - `failNext` counts every request, token requests included.
 * - A deployment without `required_contexts: []` is refused (409) while
 *   a check run on its commit has not succeeded, as GitHub does.
 * - Tokens expire after `tokenLifetimeMs`; a request with an expired one
 *   gets 401 and is a problem, so an app must refresh before expiry.
 *
 * @example
 * const keys = generateAppKeyPair();
 * const double = await startGitHubDouble({ owner: "acme",
 *   repo: "envs", gitDir: repo.dir, appId: 1, installationId: 2,
 *   publicKey: keys.publicKey });
 * const app = await startBerthServe({ double, privateKey: keys.privateKey,
 *   webhookSecret: "s3cret" });
 * const pr = double.openPullRequest({ head: "feature", user: "alice" });
 * await deliver(app.webhookUrl, "s3cret", "pull_request",
 *   pullRequestPayload(double, "opened", pr.number));
 * // ...wait for double.checkRuns() to show the result, then:
 * expect(double.problems).toEqual([]);
 * await app.stop();
 * await double.close();
 */
export { startGitHubDouble } from "./double.js";
export type {
  CheckAnnotation,
  CheckRun,
  Deployment,
  DeploymentStatus,
  DoubleOptions,
  FailureKind,
  GitHubDouble,
  Issue,
  IssueComment,
  PermissionLevel,
  PullRequest,
  RecordedRequest,
  Repository,
} from "./types.js";
export * from "./webhooks.js";
export { type AppKeyPair, generateAppKeyPair, signAppJwt } from "./app-keys.js";
export {
  type RunningServe,
  type ServeOptions,
  serveEnvironment,
  startBerthServe,
} from "./berth-serve.js";
export { freePort } from "./free-port.js";
export { responseErrors } from "./check-response.js";
export { MAX_COMMENT_CHARACTERS } from "./comments.js";
export { MAX_PULL_FILES } from "./handlers-pulls.js";
