/**
 * What `berth validate` checks: every manifest and template of a repository,
 * or only the files and folders named. Manifests are always checked against
 * the repository's templates.
 */
import { stat, readdir } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Finding } from "../manifest/finding.js";
import {
  listManifestFiles,
  loadEnvironments,
} from "../repo/load-environments.js";

export interface ValidationReport {
  /** Files checked, as shown in findings. */
  checked: string[];
  findings: Finding[];
}

/**
 * Validates `paths` (relative to the current directory when reading the
 * working tree, else to the repository root), or everything under `root`.
 */
export async function validatePaths(
  root: string,
  paths: readonly string[],
  relativeToCwd: boolean,
): Promise<ValidationReport> {
  if (paths.length === 0) {
    const loaded = await loadEnvironments(root);
    const manifests = await listManifestFiles(root);
    const templates = [...loaded.templates.keys()].map(
      (name) => `templates/${name}`,
    );
    return { checked: [...manifests, ...templates], findings: loaded.findings };
  }

  const files: string[] = [];
  for (const path of paths) {
    const absolute = relativeToCwd ? resolve(path) : resolve(root, path);
    files.push(...(await expand(absolute, path)));
  }
  const shown = files.map((file) => displayPath(root, file));
  const manifests = shown.filter((f) => !isTemplateFile(f));
  const templateNames = new Set(
    shown.filter(isTemplateFile).map((f) => f.split("/")[1]),
  );

  const loaded = await loadEnvironments(root, manifests);
  const findings = loaded.findings.filter((finding) => {
    if (!isTemplateFile(finding.file)) return true;
    return templateNames.has(finding.file.split("/")[1]);
  });
  return { checked: shown, findings };
}

async function expand(absolute: string, given: string): Promise<string[]> {
  const info = await stat(absolute).catch(() => undefined);
  if (!info) {
    throw Object.assign(new Error(`${given}: no such file or folder`), {
      name: "UsageError",
    });
  }
  if (!info.isDirectory()) return [absolute];
  const entries = await readdir(absolute, { recursive: true });
  return entries
    .filter((entry) => /\.ya?ml$/.test(entry))
    .map((entry) => join(absolute, entry))
    .sort();
}

function displayPath(root: string, file: string): string {
  const rel = relative(root, file);
  if (rel.startsWith("..") || isAbsolute(rel)) return file;
  return rel.split(sep).join("/");
}

function isTemplateFile(file: string): boolean {
  return file.startsWith("templates/");
}
