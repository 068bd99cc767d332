/**
 * Check runs: created and updated by the app, every annotation kept.
 */
import { type DoubleContext, repoApiUrl, repoWebUrl } from "./context.js";
import { resolveCommit } from "./git-read.js";
import { notFound, validationFailed } from "./github-errors.js";
import { type Body, type Handler, ok, str } from "./handler.js";
import { paginate } from "./pagination.js";
import { appObject } from "./rest-app.js";
import { type CheckRunState, nextId, now } from "./state.js";
import type { CheckAnnotation } from "./types.js";

/** The REST object of a stored check run. */
export function checkRunObject(ctx: DoubleContext, run: CheckRunState) {
  const url = `${repoApiUrl(ctx)}/check-runs/${run.id}`;
  return {
    id: run.id,
    node_id: `CR_${run.id}`,
    head_sha: run.headSha,
    external_id: run.externalId,
    url,
    html_url: `${repoWebUrl(ctx)}/runs/${run.id}`,
    details_url: run.detailsUrl,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      ...run.output,
      annotations_count: run.annotations.length,
      annotations_url: `${url}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.id + 1 },
    app: appObject(ctx),
    pull_requests: [],
  };
}

function apply(run: CheckRunState, body: Body): string | undefined {
  if (str(body["name"])) run.name = str(body["name"]) ?? run.name;
  if (str(body["details_url"]))
    run.detailsUrl = str(body["details_url"]) ?? null;
  if (str(body["external_id"]))
    run.externalId = str(body["external_id"]) ?? null;
  if (str(body["started_at"])) run.startedAt = str(body["started_at"]) ?? null;
  if (str(body["status"])) run.status = str(body["status"]) ?? run.status;
  if (str(body["conclusion"])) {
    run.conclusion = str(body["conclusion"]) ?? null;
    run.status = "completed";
  }
  if (str(body["completed_at"]))
    run.completedAt = str(body["completed_at"]) ?? null;
  if (run.status === "completed" && !run.conclusion) {
    return "conclusion is required when status is completed";
  }
  if (run.completedAt && !run.conclusion) {
    return "conclusion is required when completed_at is given";
  }
  if (run.status === "completed") run.completedAt ??= now();
  const output = body["output"] as Body | undefined;
  if (!output) return undefined;
  run.output = {
    title: str(output["title"]) ?? run.output.title,
    summary: str(output["summary"]) ?? run.output.summary,
    text: str(output["text"]) ?? run.output.text,
  };
  const annotations = output["annotations"] as CheckAnnotation[] | undefined;
  run.annotations.push(...(annotations ?? []));
  return undefined;
}

const create: Handler = async (ctx, { body }) => {
  const headSha = str(body["head_sha"]) ?? "";
  if ((await resolveCommit(ctx.git, headSha)) !== headSha) {
    return validationFailed(`No commit found for SHA: ${headSha}`);
  }
  const run: CheckRunState = {
    id: nextId(ctx.state),
    name: str(body["name"]) ?? "",
    headSha,
    status: "queued",
    conclusion: null,
    startedAt: now(),
    completedAt: null,
    detailsUrl: null,
    externalId: null,
    output: { title: null, summary: null, text: null },
    annotations: [],
  };
  const error = apply(run, body);
  if (error) return validationFailed(error);
  ctx.state.checkRuns.push(run);
  return ok(checkRunObject(ctx, run), 201);
};

function runFrom(ctx: DoubleContext, params: Record<string, string>) {
  const id = Number(params["check_run_id"]);
  return ctx.state.checkRuns.find((r) => r.id === id);
}

const update: Handler = (ctx, { params, body }) => {
  const run = runFrom(ctx, params);
  if (!run) return notFound();
  const draft = structuredClone(run);
  const error = apply(draft, body);
  if (error) return validationFailed(error);
  Object.assign(run, draft);
  return ok(checkRunObject(ctx, run));
};

const get: Handler = (ctx, { params }) => {
  const run = runFrom(ctx, params);
  return run ? ok(checkRunObject(ctx, run)) : notFound();
};

const listForRef: Handler = async (ctx, { params, query, url }) => {
  const sha = await resolveCommit(ctx.git, params["ref"] ?? "");
  if (!sha)
    return validationFailed(`No commit found for SHA: ${params["ref"]}`);
  const runs = ctx.state.checkRuns
    .filter((r) => r.headSha === sha)
    .filter((r) => !query["check_name"] || r.name === query["check_name"])
    .reverse()
    .map((r) => checkRunObject(ctx, r));
  const page = paginate(runs, query, url);
  return { ...page, body: { total_count: runs.length, check_runs: page.body } };
};

/** Check run endpoints, by operation id. */
export const checkHandlers: Record<string, Handler> = {
  "checks/create": create,
  "checks/update": update,
  "checks/get": get,
  "checks/list-for-ref": listForRef,
};
