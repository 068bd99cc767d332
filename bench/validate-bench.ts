/**
 * Times `berth validate` over a repository of generated manifests: the
 * bundled templates plus `count` valid, varied manifests, checked by the
 * same code the command runs.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { validatePaths } from "../app/engine/validate-paths.js";
import { formatFinding } from "../app/manifest/finding.js";
import { manifestYaml } from "./manifest-yaml.js";
import type { Row } from "./table.js";
import { seconds, timed } from "./timing.js";
import { variedManifest } from "./varied-manifests.js";

const TEMPLATES = fileURLToPath(new URL("../templates", import.meta.url));

/** Validates `count` manifests; fails when any of them is refused. */
export async function benchValidate(count: number): Promise<Row[]> {
  const root = await mkdtemp(join(tmpdir(), "berth-bench-validate-"));
  try {
    await writeRepository(root, count);
    const { ms, value } = await timed(() => validatePaths(root, [], false));

    const errors = value.findings.filter((f) => f.severity === "error");
    if (errors.length > 0) {
      const shown = errors.slice(0, 5).map(formatFinding).join("\n");
      throw new Error(`generated manifests were refused:\n${shown}`);
    }
    return [
      {
        measure: `validate ${count} manifests`,
        value: seconds(ms),
        target: "< 1 s",
        met: ms < 1000,
      },
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function writeRepository(root: string, count: number): Promise<void> {
  await cp(TEMPLATES, join(root, "templates"), { recursive: true });
  const dir = join(root, "environments");
  await mkdir(dir);
  for (let i = 0; i < count; i++) {
    const { input, style } = variedManifest("bn-v", i);
    await writeFile(
      join(dir, `${input.name}.yaml`),
      manifestYaml(input, style),
    );
  }
}
