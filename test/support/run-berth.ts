/**
 * Runs the real `berth` command as a user would, in a child process.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/berth.js", import.meta.url));

export interface BerthRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runBerth(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): Promise<BerthRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: { ...process.env, BERTH_LOG_FORMAT: "json", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/** Starts `berth` in the background; `stop()` sends SIGTERM and waits. */
export function startBerth(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, BERTH_LOG_FORMAT: "json", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return {
    output: () => output,
    stop: () =>
      new Promise<number>((done) => {
        child.on("close", (code) => done(code ?? -1));
        child.kill("SIGTERM");
      }),
  };
}
