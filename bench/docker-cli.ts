/** Runs the docker command line, as a user of `docker stack` would. */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Runs `docker ARGS...` and returns its trimmed stdout. */
export async function dockerCli(...args: string[]): Promise<string> {
  const { stdout } = await run("docker", args, {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.trim();
}

/** Non-empty lines of `text`. */
export function lines(text: string): string[] {
  return text.split("\n").filter(Boolean);
}
