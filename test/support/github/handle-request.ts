/**
 * One request to the double, from arrival to answer: failures injected by
 * the test, the endpoint, authorisation, the request's validity, the
 * handler, and the answer completed under the description.
 */
import type { IncomingHttpHeaders } from "node:http";
import { authorizationProblem } from "./authorize.js";
import { requestErrors } from "./check-request.js";
import { responseErrors, responseSchema } from "./check-response.js";
import { type DoubleContext, isServedRepo } from "./context.js";
import { failureReply } from "./failures.js";
import {
  type MatchedOperation,
  findOperation,
  pathExists,
} from "./find-operation.js";
import { fill } from "./fill-response.js";
import {
  type Reply,
  failure,
  notFound,
  validationFailed,
} from "./github-errors.js";
import type { Body } from "./handler.js";
import { ROUTES } from "./routes.js";

/** A request as it arrived. */
export interface Arrival {
  method: string;
  /** Path without `/api/v3` and query. */
  path: string;
  query: Record<string, string>;
  rawBody: string;
  headers: IncomingHttpHeaders;
  url: string;
}

/** The answer, and what GitHub would have refused about the request. */
export interface Outcome {
  reply: Reply;
  operationId?: string;
  body: unknown;
  problem?: string;
}

const REFUSALS = new Set([400, 401, 409, 422]);

function parseBody(raw: string): { body?: unknown; error?: string } {
  if (raw.trim() === "") return {};
  try {
    return { body: JSON.parse(raw) };
  } catch (error) {
    return { error: `the body is not JSON: ${(error as Error).message}` };
  }
}

function refusedCredentials(why: string): Reply {
  const reply = failure(401, "Bad credentials");
  return { ...reply, headers: { "x-github-double-reason": why } };
}

function gate(
  ctx: DoubleContext,
  a: Arrival,
  match: MatchedOperation,
  body: unknown,
): Reply | undefined {
  const { operationId } = match.operation;
  const auth = a.headers.authorization;
  const denied = authorizationProblem(ctx, operationId, auth);
  if (denied) return refusedCredentials(denied);

  const { owner, repo } = match.params;
  const elsewhere = owner !== undefined && repo !== undefined;
  if (elsewhere && !isServedRepo(ctx, owner, repo)) return notFound();

  const errors = requestErrors(match, a.query, body);
  const all = [...errors.parameters, ...errors.body];
  if (all.length > 0) return validationFailed(...all);

  if (!ROUTES[operationId]) {
    const why = `${operationId} is not implemented by the GitHub double`;
    return failure(501, why);
  }
  return undefined;
}

function complete(
  ctx: DoubleContext,
  a: Arrival,
  reply: Reply,
  check: boolean,
) {
  if (reply.raw || reply.body === undefined || reply.status >= 300) {
    return { reply, invalid: [] as string[] };
  }
  const schema = responseSchema(a.method, a.path, reply.status);
  const body = schema ? fill(schema, reply.body) : reply.body;
  const invalid = check
    ? responseErrors(a.method, a.path, reply.status, body)
    : [];
  return { reply: { ...reply, body }, invalid };
}

function describeRefusal(reply: Reply): string {
  const body = (reply.body ?? {}) as Body;
  const errors = Array.isArray(body["errors"])
    ? (body["errors"] as Body[]).map((e) => String(e["message"])).join("; ")
    : "";
  const why = reply.headers?.["x-github-double-reason"] ?? "";
  return [String(body["message"] ?? ""), errors, why]
    .filter(Boolean)
    .join(": ");
}

async function runHandler(
  ctx: DoubleContext,
  a: Arrival,
  match: MatchedOperation,
  body: unknown,
): Promise<Reply> {
  const handler = ROUTES[match.operation.operationId];
  if (!handler) return failure(501, "not implemented");
  try {
    return await handler(ctx, {
      params: match.params,
      query: a.query,
      body: (body ?? {}) as Body,
      headers: a.headers,
      url: a.url,
    });
  } catch (error) {
    const why = (error as Error).message;
    return failure(500, `The GitHub double failed: ${why}`);
  }
}

function problemsOf(where: string, reply: Reply, invalid: string[]) {
  const refused = REFUSALS.has(reply.status) || reply.status >= 500;
  const problems = invalid.map(
    (e) => `${where}: the double answered invalidly: ${e}`,
  );
  if (refused) {
    problems.unshift(`${where} -> ${reply.status}: ${describeRefusal(reply)}`);
  }
  return problems.join("\n") || undefined;
}

function unknownEndpoint(a: Arrival, body: unknown): Outcome {
  const why = pathExists(a.path)
    ? "has no such method"
    : "is not a GitHub endpoint";
  const problem = `${a.method} ${a.path} ${why}`;
  return { reply: notFound(), body, problem };
}

/** Answers one request from state, noting anything GitHub would refuse. */
export async function handleRequest(
  ctx: DoubleContext,
  a: Arrival,
  checkResponses: boolean,
): Promise<Outcome> {
  const injected = ctx.state.failures;
  if (injected.count > 0) {
    injected.count--;
    return { reply: failureReply(injected.kind), body: a.rawBody };
  }

  const match = findOperation(a.method, a.path);
  const parsed = parseBody(a.rawBody);
  if (!match) return unknownEndpoint(a, parsed.body);

  const { operationId } = match.operation;
  const where = `${a.method} ${a.path} (${operationId})`;
  if (parsed.error) {
    const reply = failure(400, "Problems parsing JSON");
    const problem = `${where}: ${parsed.error}`;
    return { reply, operationId, body: a.rawBody, problem };
  }

  const reply =
    gate(ctx, a, match, parsed.body) ??
    (await runHandler(ctx, a, match, parsed.body));
  const done = complete(ctx, a, reply, checkResponses);
  const outcome: Outcome = {
    reply: done.reply,
    operationId,
    body: parsed.body,
  };
  const problem = problemsOf(where, reply, done.invalid);
  if (problem) outcome.problem = problem;
  return outcome;
}
