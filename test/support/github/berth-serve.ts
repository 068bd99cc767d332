/**
 * Runs `berth serve` (the GitHub App) as a child process against the
 * GitHub double, with Probot's standard settings.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./free-port.js";
import type { GitHubDouble } from "./types.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const MAIN = join(ROOT, "app/cli/main.ts");

/** How to start the app. */
export interface ServeOptions {
  double: GitHubDouble;
  /** PEM private key of the app (its public half is the double's). */
  privateKey: string;
  webhookSecret: string;
  /** Extra environment, e.g. DOCKER_HOST or BERTH_WAIT_TIMEOUT_MS. */
  env?: Record<string, string>;
  /** How long to wait for the port to answer. Default 30 s. */
  startTimeoutMs?: number;
}

/** A running `berth serve`. */
export interface RunningServe {
  port: number;
  /** `http://127.0.0.1:PORT/api/github/webhooks` */
  webhookUrl: string;
  stateDir: string;
  /** Everything it wrote to stderr and stdout so far. */
  output(): string;
  /** Sends SIGTERM, waits for exit (SIGKILL after 10 s); returns the code. */
  stop(): Promise<number | null>;
}

/** The environment Probot reads, pointing the app at the double. */
export function serveEnvironment(
  o: ServeOptions,
  port: number,
  stateDir: string,
): Record<string, string> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    APP_ID: String(o.double.options.appId),
    PRIVATE_KEY: o.privateKey,
    WEBHOOK_SECRET: o.webhookSecret,
    PORT: String(port),
    HOST: "127.0.0.1",
    GHE_HOST: o.double.host,
    GHE_PROTOCOL: "http",
    BERTH_STATE_DIR: stateDir,
    LOG_LEVEL: "debug",
    BERTH_LOG_LEVEL: "debug",
    BERTH_LOG_FORMAT: "json",
    ...o.env,
  };
  for (const key of Object.keys(env)) {
    if (key.startsWith("BERTH_REPO") || key === "PRIVATE_KEY_PATH")
      delete env[key];
  }
  return Object.fromEntries(
    Object.entries(env).filter(
      (e): e is [string, string] => e[1] !== undefined,
    ),
  );
}

async function answers(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, {
      signal: AbortSignal.timeout(1000),
    });
    return true;
  } catch {
    return false;
  }
}

async function waitUntilUp(
  child: ChildProcess,
  port: number,
  o: ServeOptions,
  output: () => string,
) {
  const deadline = Date.now() + (o.startTimeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `berth serve exited with code ${child.exitCode} ` +
          `before listening on ${port}:\n${output()}`,
      );
    }
    if (await answers(port)) return;
    await new Promise((done) => setTimeout(done, 200));
  }
  child.kill("SIGKILL");
  throw new Error(
    `berth serve did not answer on port ${port} within ` +
      `${o.startTimeoutMs ?? 30_000} ms:\n${output()}`,
  );
}

/** Starts `berth serve` and waits until its port answers. */
export async function startBerthServe(o: ServeOptions): Promise<RunningServe> {
  const port = await freePort();
  const stateDir = mkdtempSync(join(tmpdir(), "berth-serve-state-"));
  const child = spawn(process.execPath, ["--import", "tsx", MAIN, "serve"], {
    cwd: ROOT,
    env: serveEnvironment(o, port, stateDir),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout?.on("data", (chunk) => (text += chunk));
  child.stderr?.on("data", (chunk) => (text += chunk));
  const output = () => text;
  await waitUntilUp(child, port, o, output);
  return {
    port,
    webhookUrl: `http://127.0.0.1:${port}/api/github/webhooks`,
    stateDir,
    output,
    stop: () => stop(child, stateDir),
  };
}

function stop(child: ChildProcess, stateDir: string): Promise<number | null> {
  return new Promise((done) => {
    const finish = (code: number | null) => {
      clearTimeout(timer);
      rmSync(stateDir, { recursive: true, force: true });
      done(code);
    };
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    if (child.exitCode !== null) return finish(child.exitCode);
    child.once("exit", (code) => finish(code));
    child.kill("SIGTERM");
  });
}
