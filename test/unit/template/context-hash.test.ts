import { chmod, mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashBuildContext } from "../../../app/template/context-hash.js";
import { parseDockerignore } from "../../../app/template/dockerignore.js";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "berth-context-"));
  await writeFile(join(dir, "Dockerfile"), "FROM debian:bookworm-slim\n");
  await mkdir(join(dir, "src"));
  await writeFile(join(dir, "src", "app.js"), "console.log(1)\n");
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("hashBuildContext", () => {
  it("is stable and changes with content, names and the executable bit", async () => {
    const first = await hashBuildContext(dir);
    expect(await hashBuildContext(dir)).toBe(first);

    await writeFile(join(dir, "src", "app.js"), "console.log(2)\n");
    const edited = await hashBuildContext(dir);
    expect(edited).not.toBe(first);

    await chmod(join(dir, "src", "app.js"), 0o755);
    const executable = await hashBuildContext(dir);
    expect(executable).not.toBe(edited);

    await chmod(join(dir, "src", "app.js"), 0o664);
    expect(await hashBuildContext(dir)).toBe(edited);
  });

  it("ignores what .dockerignore excludes, but not the Dockerfile", async () => {
    await writeFile(join(dir, ".dockerignore"), "node_modules\n*.log\n");
    const before = await hashBuildContext(dir);

    await mkdir(join(dir, "node_modules", "x"), { recursive: true });
    await writeFile(join(dir, "node_modules", "x", "index.js"), "x");
    await writeFile(join(dir, "debug.log"), "noise");
    expect(await hashBuildContext(dir)).toBe(before);

    await writeFile(
      join(dir, ".dockerignore"),
      "node_modules\n*.log\nDockerfile\n",
    );
    const ignoring = await hashBuildContext(dir);
    await writeFile(
      join(dir, "Dockerfile"),
      "FROM debian:bookworm-slim\nRUN true\n",
    );
    expect(await hashBuildContext(dir)).not.toBe(ignoring);
  });
});

describe("parseDockerignore", () => {
  it("follows Docker's matching rules", () => {
    const ignored = parseDockerignore(
      ["# comment", "*.md", "!README.md", "**/tmp", "build/", "/secret?"].join(
        "\n",
      ),
    );

    expect(ignored("notes.md")).toBe(true);
    expect(ignored("README.md")).toBe(false);
    expect(ignored("docs/notes.md")).toBe(false);
    expect(ignored("a/b/tmp/file")).toBe(true);
    expect(ignored("tmp")).toBe(true);
    expect(ignored("build/out/x")).toBe(true);
    expect(ignored("secret1")).toBe(true);
    expect(ignored("src/app.js")).toBe(false);
  });
});
