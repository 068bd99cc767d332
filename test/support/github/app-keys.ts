/**
 * A GitHub App's key pair and the JWTs it signs, for tests.
 */
import { createSign, generateKeyPairSync } from "node:crypto";

/** PEM key pair of an app; the private key is PKCS#1, as GitHub issues it. */
export interface AppKeyPair {
  privateKey: string;
  publicKey: string;
}

/** A fresh 2048-bit RSA key pair. */
export function generateAppKeyPair(): AppKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return { privateKey, publicKey };
}

/**
 * A JWT for app `appId`, as an app sends it to `/app` endpoints. `claims`
 * overrides the standard ones (to make a bad token on purpose).
 */
export function signAppJwt(
  appId: number,
  privateKey: string,
  claims: Record<string, unknown> = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) =>
    Buffer.from(JSON.stringify(value)).toString("base64url");
  const header = encode({ alg: "RS256", typ: "JWT" });
  const payload = encode({
    iat: now - 30,
    exp: now + 540,
    iss: appId,
    ...claims,
  });
  const signer = createSign("RSA-SHA256");
  signer.update(`${header}.${payload}`);
  return `${header}.${payload}.${signer.sign(privateKey, "base64url")}`;
}
