/**
 * Verifies the JSON Web Tokens a GitHub App signs with its private key.
 */
import { createPublicKey, verify } from "node:crypto";

function decodePart(part: string | undefined): Record<string, unknown> {
  if (!part) throw new Error("it does not have three parts");
  const json = Buffer.from(part, "base64url").toString("utf8");
  const value: unknown = JSON.parse(json);
  if (!value || typeof value !== "object")
    throw new Error("a part is not an object");
  return value as Record<string, unknown>;
}

/**
 * Why GitHub would refuse `jwt` for app `appId`, or undefined when it is
 * good: RS256 signed by `publicKey`, `iss` the app id, `iat` not in the
 * future, `exp` in the future and at most 10 minutes after `iat`.
 */
export function jwtProblem(
  jwt: string,
  appId: number,
  publicKey: string,
): string | undefined {
  const [header, payload, signature] = jwt.split(".");
  let head: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    head = decodePart(header);
    claims = decodePart(payload);
  } catch (error) {
    return `the JWT cannot be decoded: ${(error as Error).message}`;
  }
  if (head["alg"] !== "RS256")
    return `the JWT uses ${String(head["alg"])}, not RS256`;
  const signed = Buffer.from(`${header}.${payload}`);
  const key = createPublicKey(publicKey);
  const good = verify(
    "RSA-SHA256",
    signed,
    key,
    Buffer.from(signature ?? "", "base64url"),
  );
  if (!good) return "the JWT's signature does not match the app's public key";
  if (String(claims["iss"]) !== String(appId)) {
    return `the JWT's iss is ${String(claims["iss"])}, not the app id ${appId}`;
  }
  const nowSeconds = Math.floor(Date.now() / 1000);
  const iat = Number(claims["iat"]);
  const exp = Number(claims["exp"]);
  if (!(iat <= nowSeconds + 60)) return "the JWT's iat is in the future";
  if (!(exp > nowSeconds)) return "the JWT has expired";
  if (exp - iat > 600) return "the JWT's exp is more than 10 minutes after iat";
  return undefined;
}
