/**
 * What `berth validate` checks: every manifest and template of a repository,
 * or only the files and folders named. Manifests are always checked against
 * the repository's templates.
 */
import { lstat, stat, readdir } from "node:fs/promises";
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
    files.push(
      ...(await expand(await locate(root, path, relativeToCwd), path)),
    );
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

/**
 * Where a path given on the command line is: from the current directory
 * when reading the working tree, else, or when it is not there, from the
 * repository root.
 */
async function locate(
  root: string,
  path: string,
  relativeToCwd: boolean,
): Promise<string> {
  const fromCwd = resolve(path);
  if (relativeToCwd && (await lstat(fromCwd).catch(() => undefined))) {
    return fromCwd;
  }
  return resolve(root, path);
}

async function expand(absolute: string, given: string): Promise<string[]> {
  const link = await lstat(absolute).catch(() => undefined);
  if (link?.isSymbolicLink()) {
    throw Object.assign(
      new Error(
        `${given} is a symbolic link; Berth reads manifests only from ` +
          "regular files, so that a manifest cannot point outside the " +
          "repository",
      ),
      { name: "UsageError" },
    );
  }
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
