/**
 * The HTTP side of the double: reads requests, hands them to
 * `handleRequest`, records them and writes GitHub-like answers.
 */
import { randomUUID } from "node:crypto";
import {
  type IncomingMessage,
  type Server,
  type ServerResponse,
  createServer,
} from "node:http";
import type { DoubleContext } from "./context.js";
import { type Arrival, handleRequest } from "./handle-request.js";
import type { RecordedRequest } from "./types.js";

/** Where the server reports what it saw. */
export interface ServerSinks {
  problems: string[];
  requests: RecordedRequest[];
  checkResponses: boolean;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => done(Buffer.concat(chunks).toString("utf8")));
    request.on("error", fail);
  });
}

async function arrival(
  ctx: DoubleContext,
  request: IncomingMessage,
): Promise<Arrival> {
  const url = new URL(request.url ?? "/", ctx.webUrl);
  const path = url.pathname.replace(/^\/api\/v3(?=\/|$)/, "") || "/";
  return {
    method: (request.method ?? "GET").toUpperCase(),
    path,
    query: Object.fromEntries(url.searchParams),
    rawBody: await readBody(request),
    headers: request.headers,
    url: `${ctx.apiUrl}${path}${url.search}`,
  };
}

function baseHeaders(): Record<string, string> {
  const reset = Math.floor(Date.now() / 1000) + 3600;
  return {
    "x-github-request-id": randomUUID(),
    "x-github-media-type": "github.v3; format=json",
    "x-ratelimit-limit": "5000",
    "x-ratelimit-remaining": "4999",
    "x-ratelimit-used": "1",
    "x-ratelimit-reset": String(reset),
    "x-ratelimit-resource": "core",
  };
}

async function serve(
  ctx: DoubleContext,
  sinks: ServerSinks,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const a = await arrival(ctx, request);
  const outcome = await handleRequest(ctx, a, sinks.checkResponses);
  const { reply } = outcome;
  if (outcome.problem) sinks.problems.push(outcome.problem);
  const recorded: RecordedRequest = {
    method: a.method,
    path: a.path,
    query: a.query,
    body: outcome.body,
    status: reply.status,
  };
  if (outcome.operationId) recorded.operationId = outcome.operationId;
  sinks.requests.push(recorded);
  const headers = { ...baseHeaders(), ...reply.headers };
  if (reply.raw) {
    headers["content-type"] = "text/plain; charset=utf-8";
    response.writeHead(reply.status, headers).end(reply.raw);
    return;
  }
  if (reply.body === undefined) {
    response.writeHead(reply.status, headers).end();
    return;
  }
  headers["content-type"] = "application/json; charset=utf-8";
  response.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
}

/** Listens on a free port of 127.0.0.1; returns the server and port. */
export async function listen(
  ctx: DoubleContext,
  sinks: ServerSinks,
): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    serve(ctx, sinks, request, response).catch((error: Error) => {
      sinks.problems.push(
        `The GitHub double crashed: ${error.stack ?? error.message}`,
      );
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  if (!address || typeof address === "string") {
    throw new Error("The GitHub double could not read its own port.");
  }
  return { server, port: address.port };
}
