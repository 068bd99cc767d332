/**
 * Loads every template of a repository: each folder under `templates/`.
 * The only I/O of the template module; everything after it is pure.
 */
import { readdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Finding } from "../manifest/finding.js";
import type { Template, TemplateSet } from "./types.js";
import { loadTemplate } from "./load-template.js";

export interface LoadTemplatesOptions {
  /** Folder that finding paths are relative to; default: the parent. */
  root?: string;
}

/**
 * Loads the templates in `templatesDir` (`<repository>/templates`).
 * Templates with errors are left out of the set and explained in the
 * findings, whose paths are relative to the repository root.
 */
export async function loadTemplates(
  templatesDir: string,
  options: LoadTemplatesOptions = {},
): Promise<{ templates: TemplateSet; findings: Finding[] }> {
  const root = options.root ?? dirname(templatesDir);
  const folders = await listFolders(templatesDir);
  const loaded = await Promise.all(
    folders.map((folder) => loadTemplate(join(templatesDir, folder), root)),
  );

  const templates = new Map<string, Template>();
  const findings: Finding[] = [];
  for (const result of loaded) {
    findings.push(...result.findings);
    if (result.template) templates.set(result.template.name, result.template);
  }
  return { templates, findings };
}

async function listFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort();
}
