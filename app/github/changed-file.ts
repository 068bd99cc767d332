/** One file that a pull request or push changes. */
export interface ChangedFile {
  path: string;
  status: "added" | "modified" | "removed" | "renamed";
  /** The path before a rename. */
  previousPath?: string;
}

/** Whether Berth cares about `path`: a manifest or a template file. */
export function isBerthPath(path: string): boolean {
  return isManifestPath(path) || path.startsWith("templates/");
}

/** Whether `path` is a manifest under `environments/`. */
export function isManifestPath(path: string): boolean {
  return path.startsWith("environments/") && /\.ya?ml$/.test(path);
}
