import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BuildError } from "../../../app/swarm/errors.js";
import { SwarmClient } from "../../../app/swarm/swarm-client.js";
import { testEnvironment } from "./swarm-test-kit.js";

const swarm = new SwarmClient();
let contextDir = "";
let ref = "";

beforeEach(async () => {
  contextDir = await mkdtemp(join(tmpdir(), "t-swarm-build-"));
  ref = `${testEnvironment()}/image:ctx1`;
});

afterEach(async () => {
  await swarm.removeImage(ref);
  await rm(contextDir, { recursive: true, force: true });
});

async function context(dockerfile: string, files: Record<string, string> = {}) {
  await writeFile(join(contextDir, "Dockerfile"), dockerfile);
  for (const [name, text] of Object.entries(files)) {
    await writeFile(join(contextDir, name), text);
  }
}

describe("buildImage", () => {
  it("builds from a context directory and streams its log", async () => {
    await context(
      [
        "FROM berth/busybox:latest",
        "ARG GREETING",
        "COPY motd /etc/motd",
        'RUN echo "$GREETING" > /greeting',
      ].join("\n"),
      { motd: "welcome\n" },
    );
    const lines: string[] = [];

    expect(await swarm.imageExists(ref)).toBe(false);
    const result = await swarm.buildImage({
      contextDir,
      dockerfile: "Dockerfile",
      ref,
      buildArgs: { GREETING: "hello" },
      onProgress: (line) => lines.push(line),
    });

    expect(lines[0]).toBe("Step 1/4 : FROM berth/busybox:latest");
    expect(lines).toContain('Step 4/4 : RUN echo "$GREETING" > /greeting');
    expect(result.imageId).toMatch(/^(sha256:)?[0-9a-f]{12,64}$/);
    expect(await swarm.imageExists(ref)).toBe(true);
    expect(await swarm.listImageRefs()).toContain(ref);
  });

  it("names the failing step and its output", async () => {
    await context(
      [
        "FROM berth/busybox:latest",
        "RUN echo preparing",
        "RUN echo boom-output-line && exit 3",
        "RUN echo never",
      ].join("\n"),
    );

    const error = await swarm
      .buildImage({ contextDir, ref, buildArgs: {} })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BuildError);
    const build = error as BuildError;
    expect(build.step).toBe("Step 3/4 : RUN echo boom-output-line && exit 3");
    expect(build.output).toContain("boom-output-line");
    expect(build.output).not.toContain("preparing");
    expect(build.message).toContain("returned a non-zero code: 3");
    expect(build.message).toContain("Step 3/4");
    expect(await swarm.imageExists(ref)).toBe(false);
  });

  it("reports a Dockerfile error before any step runs", async () => {
    await context("FROM berth/busybox:latest\nNOSUCHINSTRUCTION x\n");

    const error = await swarm
      .buildImage({ contextDir, ref })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BuildError);
    expect((error as Error).message).toMatch(/unknown instruction/i);
  });

  it("refuses a context lacking its Dockerfile before any call", async () => {
    const before = swarm.apiCallCount;

    const error = await swarm
      .buildImage({ contextDir, ref, dockerfile: "web/Dockerfile" })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BuildError);
    expect((error as Error).message).toContain("web/Dockerfile");
    expect(swarm.apiCallCount).toBe(before);
  });
});
