/**
 * Lists the files of a build context for the Engine's build endpoint.
 */
import { lstat, readdir } from "node:fs/promises";
import { join, sep } from "node:path";

/**
 * Lists the files and links under `contextDir`, relative to it, with `/`
 * as separator. Directories are implied by the files they hold.
 */
export async function listContextFiles(contextDir: string): Promise<string[]> {
  const entries = await readdir(contextDir, { recursive: true });
  const files: string[] = [];

  for (const entry of entries) {
    const info = await lstat(join(contextDir, entry));

    if (!info.isDirectory()) {
      files.push(entry.split(sep).join("/"));
    }
  }

  return files.sort();
}
