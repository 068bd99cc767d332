/**
 * The file reads of template loading: text files, build contexts and
 * config files, each turned into a finding when missing or unusable.
 */
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Finding } from "../manifest/finding.js";
import { makeFinding } from "../manifest/make-finding.js";
import type { ComposeFile } from "./compose-schema.js";
import type { TemplateBuild } from "./types.js";
import { buildSettings } from "./check-build.js";
import { hashBuildContext } from "./context-hash.js";

/** Swarm refuses configs larger than this. */
export const MAX_CONFIG_BYTES = 1000 * 1024;

const START: { line: number; column: number } = { line: 1, column: 1 };

/** Reads a UTF-8 text file; a finding when it is missing or not UTF-8. */
export async function readTextFile(
  path: string,
  file: string,
): Promise<{ text?: string; findings: Finding[] }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return {
      findings: [
        makeFinding(file, START, {
          message: `${file} is missing`,
          fix: "add the file; every template has template.yaml and compose.yaml",
        }),
      ],
    };
  }
  try {
    return {
      text: new TextDecoder("utf-8", { fatal: true }).decode(bytes),
      findings: [],
    };
  } catch {
    return {
      findings: [
        makeFinding(file, START, {
          message: `${file} is not UTF-8 text`,
          fix: "save the file as UTF-8",
        }),
      ],
    };
  }
}

/**
 * Hashes the build context of every service that has `build:`. `where`
 * gives the file and position of a service's build key for findings.
 */
export async function readBuilds(
  templateDir: string,
  compose: ComposeFile,
  where: (service: string) => Pick<Finding, "file" | "line" | "column">,
): Promise<{ builds: TemplateBuild[]; findings: Finding[] }> {
  const builds: TemplateBuild[] = [];
  const findings: Finding[] = [];
  for (const [service, spec] of Object.entries(compose.services)) {
    if (spec.build === undefined) continue;
    const settings = buildSettings(spec.build);
    const contextDir = join(templateDir, settings.context);
    const dockerfile = join(contextDir, settings.dockerfile);
    if (!(await isFile(dockerfile))) {
      const at = where(service);
      findings.push(
        makeFinding(at.file, at, {
          path: `services.${service}.build`,
          message:
            `the Dockerfile ${settings.context}/` +
            `${settings.dockerfile} does not exist`,
          fix: "add the Dockerfile, or correct build.context or dockerfile",
        }),
      );
      continue;
    }
    const contextHash = await hashBuildContext(contextDir, settings.dockerfile);
    builds.push({
      service,
      contextDir,
      dockerfile: settings.dockerfile,
      contextHash,
    });
  }
  return { builds, findings };
}

/** Reads every top-level config file as base64, by config name. */
export async function readConfigFiles(
  templateDir: string,
  compose: ComposeFile,
  where: (config: string) => Pick<Finding, "file" | "line" | "column">,
): Promise<{ data: Record<string, string>; findings: Finding[] }> {
  const data: Record<string, string> = {};
  const findings: Finding[] = [];
  for (const [name, config] of Object.entries(compose.configs ?? {})) {
    const at = where(name);
    const problem = (message: string, fix: string) =>
      findings.push(
        makeFinding(at.file, at, {
          path: `configs.${name}.file`,
          message,
          fix,
        }),
      );
    if (escapes(config.file)) {
      problem(
        `${config.file} is outside the template folder`,
        "keep config files inside templates/<name>/",
      );
      continue;
    }
    const bytes = await readFile(join(templateDir, config.file)).catch(
      () => undefined,
    );
    if (!bytes) {
      problem(
        `the config file ${config.file} does not exist`,
        "add the file, or correct the path (relative to the template)",
      );
    } else if (bytes.length > MAX_CONFIG_BYTES) {
      problem(
        `${config.file} has ${bytes.length} bytes; Swarm takes at ` +
          `most ${MAX_CONFIG_BYTES}`,
        "make the file smaller, or put it in the image",
      );
    } else {
      data[name] = bytes.toString("base64");
    }
  }
  return { data, findings };
}

function escapes(path: string): boolean {
  const parts = path.split("/");
  return path.startsWith("/") || parts.includes("..");
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}
