/**
 * The content hash of a build context: what decides whether an image must
 * be built again. It covers every file Docker would send (after
 * `.dockerignore`), by sorted path, with its executable bit and bytes.
 * Only the executable bit of the mode counts, because git keeps no other
 * permission and the hash must be the same in every clone.
 */
import { createHash } from "node:crypto";
import { lstat, readdir, readFile, readlink } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { parseDockerignore, type IgnoreTest } from "./dockerignore.js";

const ALWAYS_SENT = new Set([".dockerignore"]);

/**
 * Returns the sha256 hex of the context folder `dir`. `dockerfile` (relative
 * to `dir`) is always part of it, as Docker always sends it.
 */
export async function hashBuildContext(
  dir: string,
  dockerfile = "Dockerfile",
): Promise<string> {
  const ignored = await readIgnore(dir);
  const files = (await listFiles(dir))
    .filter(
      (file) => file === dockerfile || ALWAYS_SENT.has(file) || !ignored(file),
    )
    .sort();

  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(await entryBytes(dir, file));
  }
  return hash.digest("hex");
}

async function readIgnore(dir: string): Promise<IgnoreTest> {
  try {
    return parseDockerignore(
      await readFile(join(dir, ".dockerignore"), "utf8"),
    );
  } catch {
    return () => false;
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .map((file) => file.split(sep).join("/"));
}

async function entryBytes(dir: string, file: string): Promise<Buffer> {
  const path = join(dir, file);
  const info = await lstat(path);
  if (info.isSymbolicLink()) {
    return frame(file, "link", Buffer.from(await readlink(path)));
  }
  const mode = info.mode & 0o111 ? "755" : "644";
  return frame(file, mode, await readFile(path));
}

function frame(file: string, kind: string, bytes: Buffer): Buffer {
  const head = Buffer.from(`${file}\0${kind}\0${bytes.length}\0`);
  return Buffer.concat([head, bytes]);
}
