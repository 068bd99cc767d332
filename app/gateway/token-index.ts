/**
 * Looks up which environment an access token belongs to, by the token's
 * SHA-256, so that a lookup takes the same time whatever the token and
 * however many environments there are.
 */
import { createHash, timingSafeEqual } from "node:crypto";

/** Access tokens by environment, searchable by token. */
export class TokenIndex {
  readonly #byHash = new Map<string, { environment: string; hash: Buffer }>();

  /** Indexes `tokens`: environment name to its access token. */
  constructor(tokens: ReadonlyMap<string, string>) {
    for (const [environment, token] of tokens) {
      const hash = digest(token);
      this.#byHash.set(hash.toString("hex"), { environment, hash });
    }
  }

  /** The environment whose token `token` is, or undefined. */
  environmentOf(token: string): string | undefined {
    const hash = digest(token);
    const entry = this.#byHash.get(hash.toString("hex"));
    if (!entry || !timingSafeEqual(entry.hash, hash)) return undefined;
    return entry.environment;
  }
}

function digest(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}
