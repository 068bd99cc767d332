/**
 * The gateway's image: Debian's nginx and Node.js on the local
 * `debian:bookworm-slim`, plus Berth's auth endpoint bundled into one
 * file. Tagged by the hash of its build context, so it is built once and
 * rebuilt only when Berth's gateway code changes.
 */
import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { Logger } from "../log.js";
import { listContextFiles } from "../swarm/build-context.js";
import type { SwarmClient } from "../swarm/swarm-client.js";

const IMAGE_DIR = fileURLToPath(new URL("./image", import.meta.url));
const AUTH_ENTRY = fileURLToPath(new URL("./auth-main.ts", import.meta.url));

/**
 * Builds the gateway image unless the engine has it; returns its tag.
 * @throws BuildError naming the failing Dockerfile step.
 */
export async function ensureGatewayImage(
  swarm: SwarmClient,
  log: Logger,
  onProgress?: (line: string) => void,
): Promise<string> {
  const contextDir = await mkdtemp(join(tmpdir(), "berth-gateway-"));
  try {
    await cp(IMAGE_DIR, contextDir, { recursive: true });
    await writeFile(join(contextDir, "auth-server.mjs"), await bundleAuth());
    const ref = `berth/gateway:${await contextHash(contextDir)}`;
    if (await swarm.imageExists(ref)) return ref;

    log.info({ image: ref }, "building the gateway image");
    await swarm.buildImage({
      contextDir,
      ref,
      ...(onProgress ? { onProgress } : {}),
    });
    return ref;
  } finally {
    await rm(contextDir, { recursive: true, force: true });
  }
}

/** The auth endpoint and what it imports, as one ES module for Node 18. */
async function bundleAuth(): Promise<string> {
  const result = await build({
    entryPoints: [AUTH_ENTRY],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node18",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

async function contextHash(dir: string): Promise<string> {
  const hash = createHash("sha256");
  for (const file of await listContextFiles(dir)) {
    hash.update(`${file}\n`).update(await readFile(join(dir, file)));
  }
  return hash.digest("hex").slice(0, 12);
}
