/**
 * Image references as Berth compares them.
 */
const DIGEST = /@sha256:[0-9a-f]{64}$/;

/**
 * Canonical form of an image reference: `:latest` added when no tag or
 * digest is given, and the digest Docker appends to a tagged reference
 * (`name:tag@sha256:...`) dropped. A reference pinned by digest alone
 * keeps its digest.
 */
export function canonicalImageRef(ref: string): string {
  const name = ref.replace(DIGEST, "");
  const hasDigest = name !== ref;
  const lastPart = name.slice(name.lastIndexOf("/") + 1);
  const hasTag = lastPart.includes(":");

  if (hasDigest && !hasTag) {
    return ref;
  }

  return hasTag ? name : `${name}:latest`;
}
