/**
 * Reads the environment names of manifest files, leniently: a manifest
 * that is invalid but names itself still tells which environment it was.
 */
import { parseManifest } from "../manifest/parse-manifest.js";
import type { NamedManifest } from "./affected-environments.js";

/** Names of the manifests in `files` (path -> contents) that have one. */
export function manifestNames(
  files: ReadonlyMap<string, Buffer>,
): NamedManifest[] {
  const named: NamedManifest[] = [];
  for (const [file, bytes] of files) {
    const parsed = parseManifest(file, bytes);
    const name = parsed.manifest?.metadata.name ?? nameOf(parsed.loaded?.value);
    if (name) named.push({ file, name });
  }
  return named;
}

function nameOf(value: unknown): string | undefined {
  const metadata = (value as { metadata?: { name?: unknown } } | undefined)
    ?.metadata;
  return typeof metadata?.name === "string" ? metadata.name : undefined;
}
