/**
 * Asserts that an Octokit response is what GitHub's description allows.
 */
import { expect } from "vitest";
import { responseErrors } from "../../support/github/index.js";

/** Fails when `response` is not valid for `method path`. */
export function expectValid(
  method: string,
  response: { status: number; data: unknown; url: string },
) {
  const path = new URL(response.url).pathname.replace(/^\/api\/v3/, "");
  expect(responseErrors(method, path, response.status, response.data)).toEqual(
    [],
  );
}
