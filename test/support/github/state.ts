/**
 * What the double remembers between requests: the pull requests and issues
 * it knows, and everything the app wrote.
 */
import type { CheckAnnotation, FailureKind, PermissionLevel } from "./types.js";

/** A pull request; its commits live in the git repository. */
export interface PullState {
  number: number;
  id: number;
  head: string;
  base: string;
  user: string;
  title: string;
  body: string | null;
  fork: boolean;
  forkDeleted: boolean;
  draft: boolean;
  state: "open" | "closed";
  merged: boolean;
  mergeCommitSha: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Head and base commits, fixed when the pull request is closed. */
  frozen?: { head: string; base: string };
}

/** A review of a pull request. */
export interface ReviewState {
  id: number;
  pr: number;
  user: string;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED";
  commitId: string;
  submittedAt: string;
}

/** A check run and every annotation sent to it. */
export interface CheckRunState {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: CheckAnnotation[];
}

/** An issue or pull request comment. */
export interface CommentState {
  id: number;
  issue: number;
  user: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

/** A reaction to an issue comment. */
export interface ReactionState {
  id: number;
  commentId: number;
  content: string;
  user: string;
  createdAt: string;
}

/** A deployment status. */
export interface StatusState {
  id: number;
  state: string;
  description: string;
  environment: string;
  targetUrl: string;
  logUrl: string;
  environmentUrl: string;
  createdAt: string;
}

/** A deployment with its statuses. */
export interface DeploymentState {
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  description: string | null;
  payload: unknown;
  transient: boolean;
  production: boolean;
  creator: string;
  createdAt: string;
  statuses: StatusState[];
}

/** An issue that is not a pull request. */
export interface IssueState {
  number: number;
  id: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  stateReason: string | null;
  labels: string[];
  assignees: string[];
  user: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** All of the double's state. */
export interface DoubleState {
  nextId: number;
  nextNumber: number;
  pulls: Map<number, PullState>;
  reviews: ReviewState[];
  checkRuns: CheckRunState[];
  comments: CommentState[];
  reactions: ReactionState[];
  deployments: DeploymentState[];
  issues: Map<number, IssueState>;
  tokens: Map<string, number>;
  tokenLifetimeMs: number;
  permissions: Map<string, PermissionLevel>;
  teamMembers: Set<string>;
  userKeys: Map<string, string[]>;
  failures: { count: number; kind: FailureKind };
}

/** An empty state. */
export function emptyState(): DoubleState {
  return {
    nextId: 1000,
    nextNumber: 1,
    pulls: new Map(),
    reviews: [],
    checkRuns: [],
    comments: [],
    reactions: [],
    deployments: [],
    issues: new Map(),
    tokens: new Map(),
    tokenLifetimeMs: 60 * 60 * 1000,
    permissions: new Map(),
    teamMembers: new Set(),
    userKeys: new Map(),
    failures: { count: 0, kind: "500" },
  };
}

/** A new unique id. */
export function nextId(state: DoubleState): number {
  return state.nextId++;
}

/** Now, as GitHub writes times. */
export function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}
