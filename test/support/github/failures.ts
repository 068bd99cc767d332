/**
 * The answers `failNext` makes the double give instead of the real one.
 */
import type { Reply } from "./github-errors.js";
import type { FailureKind } from "./types.js";

const SECONDARY =
  "You have exceeded a secondary rate limit. Please wait a few minutes " +
  "before you try again. If you reach out to GitHub Support for help, " +
  "please include the request ID.";

/** GitHub's answer for a failure of `kind`. */
export function failureReply(kind: FailureKind): Reply {
  const docs = "https://docs.github.com/rest/rate-limit";
  switch (kind) {
    case "secondary-rate-limit":
      return {
        status: 403,
        headers: { "retry-after": "1" },
        body: { message: SECONDARY, documentation_url: docs },
      };
    case "429":
      return {
        status: 429,
        headers: { "retry-after": "1" },
        body: { message: "Too Many Requests", documentation_url: docs },
      };
    case "500":
      return { status: 500, body: { message: "Server Error" } };
  }
}
