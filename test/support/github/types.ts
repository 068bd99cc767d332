/**
 * The public types of the GitHub double: its options, the REST objects it
 * returns, and the requests it records.
 */
import type { RestEndpointMethodTypes } from "@octokit/rest";

type Data<
  S extends keyof RestEndpointMethodTypes,
  M extends keyof RestEndpointMethodTypes[S],
> = RestEndpointMethodTypes[S][M] extends { response: { data: infer D } }
  ? D
  : never;

/** A pull request as `GET /repos/{owner}/{repo}/pulls/{n}` returns it. */
export type PullRequest = Data<"pulls", "get">;
/** An annotation as the app sent it in a check run's output. */
export type CheckAnnotation = {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
  raw_details?: string;
};
/** A check run, with every annotation ever sent to it. */
export type CheckRun = Data<"checks", "get"> & {
  annotations: CheckAnnotation[];
};
/** An issue or pull request comment. */
export type IssueComment = Data<"issues", "getComment">;
/** A deployment. */
export type Deployment = Data<"repos", "getDeployment">;
/** A deployment status. */
export type DeploymentStatus = Data<"repos", "getDeploymentStatus">;
/** An issue. */
export type Issue = Data<"issues", "get">;

/** How the double is started. */
export interface DoubleOptions {
  owner: string;
  repo: string;
  /** A local git repository: its commits are what GitHub serves. */
  gitDir: string;
  /** The repository's default branch; "main" when not given. */
  defaultBranch?: string;
  appId: number;
  installationId: number;
  /** PEM of the app's public key, to verify JWTs. */
  publicKey: string;
  /** The app's slug; its bot user is `${slug}[bot]`. Default "berth". */
  appSlug?: string;
  /**
   * Validate every response against the description and record invalid
   * ones in `problems` (slower). Default: env GITHUB_DOUBLE_CHECK_RESPONSES.
   */
  checkResponses?: boolean;
}

/** One request the double received. */
export interface RecordedRequest {
  method: string;
  /** The path without `/api/v3` and without the query. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
  /** The operation of the REST description, e.g. "checks/create". */
  operationId?: string;
}

/** Permission levels of `GET .../collaborators/{username}/permission`. */
export type PermissionLevel = "admin" | "write" | "read" | "none";

/** What `failNext` makes the double answer. */
export type FailureKind = "secondary-rate-limit" | "429" | "500";

/** A repository as `GET /repos/{owner}/{repo}` returns it. */
export type Repository = Data<"repos", "get">;

/** The GitHub double, running. */
export interface GitHubDouble {
  /** e.g. http://127.0.0.1:41234 ; GHE_HOST is `host` */
  url: string;
  host: string;
  /** The options it was started with, defaults filled in. */
  options: Readonly<Required<Omit<DoubleOptions, "checkResponses">>>;
  /** The served repository as the REST API shows it. */
  repository(): Repository;
  /** Everything GitHub would not have accepted, readable. */
  problems: string[];
  requests: RecordedRequest[];
  setPermission(user: string, level: PermissionLevel): void;
  setTeamMember(org: string, team: string, user: string): void;
  /** Public SSH keys that `GET /users/{username}/keys` returns. */
  setUserKeys(user: string, keys: string[]): void;
  /** Opens PR `number` from branch `head` into `base` of gitDir. */
  openPullRequest(input: {
    head: string;
    base?: string;
    user: string;
    title?: string;
    fork?: boolean;
  }): PullRequest;
  addReview(
    pr: number,
    review: {
      user: string;
      state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED";
    },
  ): void;
  /** Merges with a merge commit in gitDir; returns its sha. */
  merge(pr: number): string;
  close(pr: number): void;
  /** Reopens a closed, unmerged pull request. */
  reopen(pr: number): void;
  /** The fork is deleted: head.repo becomes null. */
  deleteFork(pr: number): void;
  pullRequest(pr: number): PullRequest;
  /** A comment written by `user`, as if posted on GitHub's web page. */
  addComment(issue: number, user: string, body: string): IssueComment;
  checkRuns(): CheckRun[];
  comments(issue?: number): IssueComment[];
  reactions(): { commentId: number; content: string; user: string }[];
  deployments(): (Deployment & { statuses: DeploymentStatus[] })[];
  issues(): Issue[];
  /** Makes the next `count` requests fail the way GitHub does. */
  failNext(count: number, kind: FailureKind): void;
  /** Lifetime of installation tokens issued from now on. Default 1 h. */
  tokenLifetimeMs: number;
  close(): Promise<void>;
}
