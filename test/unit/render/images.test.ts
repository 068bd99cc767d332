import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderEnvironment } from "../../../app/render/render.js";
import { loadTemplates } from "../../../app/template/load-templates.js";
import { makeManifest } from "../template/fixtures.js";

const BUNDLED = join(import.meta.dirname, "../../../templates");
let repo: string;

beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), "berth-images-"));
  await cp(join(BUNDLED, "python"), join(repo, "templates/python"), {
    recursive: true,
  });
});

afterEach(async () => {
  await rm(repo, { recursive: true, force: true });
});

async function imageRefs(): Promise<string[]> {
  const { templates, findings } = await loadTemplates(join(repo, "templates"));
  expect(findings).toEqual([]);
  const manifest = makeManifest({
    spec: {
      template: "python",
      parameters: {},
      access: { ports: [{ service: "workspace", port: 8000, name: "app" }] },
    },
  });
  const template = templates.get("python");
  if (!template) throw new Error("python template did not load");
  return renderEnvironment({
    manifest,
    template,
    publishedPorts: {},
  }).images.map((image) => image.ref);
}

describe("image tags", () => {
  it("change when a file of the build context changes", async () => {
    const before = await imageRefs();
    expect(await imageRefs()).toEqual(before);

    const script = join(repo, "templates/python/workspace/berth-venv");
    await writeFile(script, '#!/bin/sh\nexec "$@"\n', { mode: 0o755 });

    const after = await imageRefs();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatch(/^berth\/python-workspace:[0-9a-f]{12}$/);
    expect(after).not.toEqual(before);
  });

  it("do not change for files outside the build context", async () => {
    const before = await imageRefs();

    await writeFile(join(repo, "templates/python/NOTES.md"), "notes\n");

    expect(await imageRefs()).toEqual(before);
  });
});
