/**
 * Checks a request's Authorization header the way GitHub does for an app:
 * the app's JWT for app endpoints, an installation token for the rest.
 */
import { jwtProblem } from "./app-jwt.js";
import type { DoubleContext } from "./context.js";
import { JWT_OPERATIONS } from "./handlers-app.js";

/** Why the request is not authorised, or undefined when it is. */
export function authorizationProblem(
  ctx: DoubleContext,
  operationId: string,
  header: string | undefined,
): string | undefined {
  const [scheme = "", credential = ""] = (header ?? "").split(/\s+/, 2);
  if (!credential)
    return "no Authorization header: send a token or the app's JWT";
  const kind = scheme.toLowerCase();
  if (kind !== "bearer" && kind !== "token") {
    return `Authorization scheme ${scheme} is unknown: use Bearer or token`;
  }
  if (JWT_OPERATIONS.has(operationId)) {
    if (kind !== "bearer")
      return `${operationId} needs the app's JWT as Bearer`;
    const why = jwtProblem(credential, ctx.appId, ctx.publicKey);
    return why ? `${operationId} refused: ${why}` : undefined;
  }
  const expires = ctx.state.tokens.get(credential);
  if (expires === undefined) {
    return credential.split(".").length === 3
      ? `${operationId} needs an installation token, not the app's JWT`
      : "the token was not issued by this GitHub (Bad credentials)";
  }
  if (expires <= Date.now()) {
    const ago = Date.now() - expires;
    return `the installation token expired ${ago} ms ago: refresh it first`;
  }
  return undefined;
}
