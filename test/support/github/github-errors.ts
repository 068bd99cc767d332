/**
 * Error answers shaped like GitHub's.
 */

/** What a handler answers. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A body sent as is, not as JSON (raw file contents). */
  raw?: Buffer;
}

const DOCS = "https://docs.github.com/rest";

/** 404, as GitHub answers for anything missing or hidden. */
export function notFound(): Reply {
  return {
    status: 404,
    body: { message: "Not Found", documentation_url: DOCS, status: "404" },
  };
}

/** 422 with GitHub's "Validation Failed" body. */
export function validationFailed(...errors: string[]): Reply {
  return {
    status: 422,
    body: {
      message: "Validation Failed",
      errors: errors.map((message) => ({ message, code: "invalid" })),
      documentation_url: DOCS,
      status: "422",
    },
  };
}

/** An error with a status and a single message. */
export function failure(status: number, message: string): Reply {
  return {
    status,
    body: { message, documentation_url: DOCS, status: String(status) },
  };
}
