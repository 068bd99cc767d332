/**
 * Deployments and their statuses.
 */
import { type DoubleContext, repoApiUrl } from "./context.js";
import { resolveCommit } from "./git-read.js";
import { failure, notFound, validationFailed } from "./github-errors.js";
import { type Body, type Handler, ok, str } from "./handler.js";
import { paginate } from "./pagination.js";
import { userObject } from "./rest-people.js";
import {
  type DeploymentState,
  type StatusState,
  nextId,
  now,
} from "./state.js";

/** The REST object of a deployment. */
export function deploymentObject(ctx: DoubleContext, d: DeploymentState) {
  const url = `${repoApiUrl(ctx)}/deployments/${d.id}`;
  return {
    url,
    id: d.id,
    node_id: `DE_${d.id}`,
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.environment,
    environment: d.environment,
    description: d.description,
    creator: userObject(ctx, d.creator),
    created_at: d.createdAt,
    updated_at: d.statuses.at(-1)?.createdAt ?? d.createdAt,
    statuses_url: `${url}/statuses`,
    repository_url: repoApiUrl(ctx),
    transient_environment: d.transient,
    production_environment: d.production,
  };
}

/** The REST object of a deployment status. */
export function statusObject(
  ctx: DoubleContext,
  d: DeploymentState,
  s: StatusState,
) {
  const url = `${repoApiUrl(ctx)}/deployments/${d.id}`;
  return {
    url: `${url}/statuses/${s.id}`,
    id: s.id,
    node_id: `DES_${s.id}`,
    state: s.state,
    creator: userObject(ctx, ctx.botLogin),
    description: s.description,
    environment: s.environment,
    target_url: s.targetUrl,
    log_url: s.logUrl,
    environment_url: s.environmentUrl,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    deployment_url: url,
    repository_url: repoApiUrl(ctx),
  };
}

/** Why GitHub would refuse to deploy `sha` (its default status checks). */
function failingChecks(ctx: DoubleContext, sha: string, body: Body) {
  if (Array.isArray(body["required_contexts"])) return undefined;
  const runs = ctx.state.checkRuns.filter((r) => r.headSha === sha);
  const failing = runs.filter((r) => r.conclusion !== "success");
  if (failing.length === 0) return undefined;
  const names = failing.map((r) => `${r.name}: ${r.conclusion ?? r.status}`);
  return (
    `Conflict: Commit status checks failed for ${sha} ` +
    `(${names.join(", ")}). Send required_contexts: [] to deploy anyway.`
  );
}

/** A deployment payload: an object, or a string of JSON. */
function parsePayload(raw: unknown): unknown {
  if (typeof raw !== "string" || raw === "") return raw ?? {};
  try {
    return JSON.parse(raw);
  } catch {
    return new Error(`payload is not valid JSON: ${raw.slice(0, 40)}`);
  }
}

const create: Handler = async (ctx, { body }) => {
  const ref = str(body["ref"]) ?? "";
  const sha = await resolveCommit(ctx.git, ref);
  if (!sha) return validationFailed(`No ref found for: ${ref}`);
  const conflict = failingChecks(ctx, sha, body);
  if (conflict) return failure(409, conflict);
  const payload = parsePayload(body["payload"]);
  if (payload instanceof Error) return validationFailed(payload.message);
  const deployment: DeploymentState = {
    id: nextId(ctx.state),
    sha,
    ref,
    task: str(body["task"]) ?? "deploy",
    environment: str(body["environment"]) ?? "production",
    description: str(body["description"]) ?? null,
    payload,
    transient: body["transient_environment"] === true,
    production:
      (body["production_environment"] as boolean | undefined) ??
      (str(body["environment"]) ?? "production") === "production",
    creator: ctx.botLogin,
    createdAt: now(),
    statuses: [],
  };
  ctx.state.deployments.push(deployment);
  return ok(deploymentObject(ctx, deployment), 201);
};

function deploymentFrom(ctx: DoubleContext, params: Record<string, string>) {
  const id = Number(params["deployment_id"]);
  return ctx.state.deployments.find((d) => d.id === id);
}

/** Earlier successful deployments of one environment become inactive. */
function deactivateOthers(ctx: DoubleContext, current: DeploymentState) {
  for (const other of ctx.state.deployments) {
    if (other === current || other.environment !== current.environment)
      continue;
    if (other.statuses.at(-1)?.state !== "success") continue;
    other.statuses.push({
      ...(other.statuses.at(-1) as StatusState),
      id: nextId(ctx.state),
      state: "inactive",
      createdAt: now(),
    });
  }
}

const createStatus: Handler = (ctx, { params, body }) => {
  const deployment = deploymentFrom(ctx, params);
  if (!deployment) return notFound();
  const status: StatusState = {
    id: nextId(ctx.state),
    state: str(body["state"]) ?? "",
    description: str(body["description"]) ?? "",
    environment: str(body["environment"]) ?? deployment.environment,
    targetUrl: str(body["target_url"]) ?? "",
    logUrl: str(body["log_url"]) ?? str(body["target_url"]) ?? "",
    environmentUrl: str(body["environment_url"]) ?? "",
    createdAt: now(),
  };
  if (status.description.length > 140) {
    return validationFailed(
      "description is too long (maximum is 140 characters)",
    );
  }
  deployment.statuses.push(status);
  if (status.state === "success" && body["auto_inactive"] !== false) {
    deactivateOthers(ctx, deployment);
  }
  return ok(statusObject(ctx, deployment, status), 201);
};

const listStatuses: Handler = (ctx, { params, query, url }) => {
  const deployment = deploymentFrom(ctx, params);
  if (!deployment) return notFound();
  const statuses = [...deployment.statuses]
    .reverse()
    .map((s) => statusObject(ctx, deployment, s));
  return paginate(statuses, query, url);
};

const list: Handler = (ctx, { query, url }) => {
  const found = ctx.state.deployments
    .filter(
      (d) => !query["environment"] || d.environment === query["environment"],
    )
    .filter((d) => !query["sha"] || d.sha === query["sha"])
    .filter((d) => !query["ref"] || d.ref === query["ref"])
    .reverse()
    .map((d) => deploymentObject(ctx, d));
  return paginate(found, query, url);
};

const get: Handler = (ctx, { params }) => {
  const deployment = deploymentFrom(ctx, params);
  return deployment ? ok(deploymentObject(ctx, deployment)) : notFound();
};

/** Deployment endpoints, by operation id. */
export const deploymentHandlers: Record<string, Handler> = {
  "repos/create-deployment": create,
  "repos/create-deployment-status": createStatus,
  "repos/list-deployment-statuses": listStatuses,
  "repos/list-deployments": list,
  "repos/get-deployment": get,
};
