/**
 * The shape of one endpoint's implementation in the double.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { DoubleContext } from "./context.js";
import type { Reply } from "./github-errors.js";

/** A JSON request body; the description has already validated it. */
export type Body = Record<string, unknown>;

/** What a handler receives. */
export interface HandlerInput {
  params: Record<string, string>;
  query: Record<string, string>;
  body: Body;
  headers: IncomingHttpHeaders;
  /** The full URL of the request, for pagination links. */
  url: string;
}

/** One endpoint: receives a checked request, answers from state. */
export type Handler = (
  ctx: DoubleContext,
  input: HandlerInput,
) => Reply | Promise<Reply>;

/** `value` if it is a string, else undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** `value` if it is a number, else undefined. */
export function num(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

/** 200 with `body`. */
export function ok(body: unknown, status = 200): Reply {
  return { status, body };
}
