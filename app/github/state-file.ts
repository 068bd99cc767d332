/**
 * Small JSON files under the state folder that survive a restart. Each
 * write goes to a temporary file that is then renamed over the old one,
 * so a crash never leaves half a file behind.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { randomUUID } from "node:crypto";
import { stateDir } from "../applier/environment-lock.js";

/** Path of a state file of the GitHub App, e.g. `github/locks.json`. */
export function stateFilePath(name: string): string {
  return join(stateDir(), "github", name);
}

/** Reads a JSON state file; `fallback` when it does not exist yet. */
export async function readStateFile<T>(path: string, fallback: T): Promise<T> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return fallback;
    throw new Error(
      `state file ${path} is not valid JSON; move it away and restart ` +
        "(Berth starts again from an empty state)",
      { cause: err },
    );
  }
}

/** Writes `value` to `path` atomically (write, then rename). */
export async function writeStateFile(
  path: string,
  value: unknown,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`);
  await rename(temporary, path);
}
