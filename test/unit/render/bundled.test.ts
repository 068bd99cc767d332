import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatFinding } from "../../../app/manifest/finding.js";
import { renderEnvironment } from "../../../app/render/render.js";
import { publishedPortKey } from "../../../app/render/names.js";
import { loadEnvironments } from "../../../app/repo/load-environments.js";

const ROOT = join(import.meta.dirname, "../../..");
const SCHEMA_LINE =
  "# yaml-language-server: $schema=../schema/manifest.schema.json";

describe("bundled templates and example manifests", async () => {
  const loaded = await loadEnvironments(ROOT);

  it("load and validate without findings", () => {
    expect(loaded.findings.map(formatFinding)).toEqual([]);
    expect([...loaded.templates.keys()].sort()).toEqual([
      "base",
      "node",
      "node-postgres",
      "python",
    ]);
    expect(loaded.manifests.length).toBeGreaterThanOrEqual(5);
  });

  it("use every template, and several teams", () => {
    const used = new Set(loaded.manifests.map((m) => m.manifest.spec.template));
    const teams = new Set(
      loaded.manifests.map((m) => m.manifest.metadata.labels.team),
    );

    expect([...used].sort()).toEqual([...loaded.templates.keys()].sort());
    expect(teams.size).toBeGreaterThanOrEqual(4);
  });

  it("fit a 2-CPU machine when all run together", () => {
    const desired = loaded.manifests.map(({ manifest }) =>
      renderEnvironment({
        manifest,
        template: loaded.templates.get(manifest.spec.template)!,
        publishedPorts: Object.fromEntries(
          manifest.spec.access.ports.map((p, i) => [
            publishedPortKey(p.service, p.port),
            20000 + i,
          ]),
        ),
      }),
    );
    const reserved = desired
      .flatMap((d) => d.services)
      .map((s) => s.spec.TaskTemplate.Resources?.Reservations?.NanoCPUs ?? 0)
      .reduce((a, b) => a + b, 0);

    expect(reserved).toBeLessThanOrEqual(2e9);
    expect(new Set(desired.map((d) => d.name)).size).toBe(desired.length);
  });

  it("start with the schema comment and expose no reserved port", async () => {
    const { readFile } = await import("node:fs/promises");
    for (const { file, manifest } of loaded.manifests) {
      const text = await readFile(join(ROOT, file), "utf8");
      expect(text.split("\n")[0], file).toBe(SCHEMA_LINE);
      expect(manifest.spec.access.ports.length, file).toBeGreaterThan(0);
    }
    for (const template of loaded.templates.values()) {
      expect(template.ports.map((p) => p.port)).not.toContain(22);
      expect(Object.keys(template.parameters).length).toBeGreaterThan(2);
    }
  });
});
