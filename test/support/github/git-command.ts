/**
 * Runs git in the repository that the double serves.
 */
import { execFile, execFileSync } from "node:child_process";

/** A git command runner bound to one repository. */
export interface Git {
  dir: string;
  /** Runs git and returns its stdout, trimmed of the final newline. */
  text(args: string[], options?: RunOptions): Promise<string>;
  /** Runs git and returns its stdout as bytes. */
  bytes(args: string[], options?: RunOptions): Promise<Buffer>;
  /** Like `text`, but undefined instead of an error when git fails. */
  maybe(args: string[]): Promise<string | undefined>;
  /** Like `text`, but blocking, for the double's synchronous controls. */
  sync(args: string[], options?: RunOptions): string;
}

interface RunOptions {
  input?: string | Buffer;
  env?: Record<string, string>;
}

function run(dir: string, args: string[], options: RunOptions = {}) {
  return new Promise<Buffer>((done, fail) => {
    const child = execFile(
      "git",
      args,
      {
        cwd: dir,
        encoding: "buffer",
        maxBuffer: 512 * 1024 * 1024,
        env: { ...process.env, ...options.env },
      },
      (error, stdout, stderr) => {
        if (!error) return done(stdout);
        const message = stderr.toString().trim() || error.message;
        fail(new Error(`git ${args.join(" ")} failed in ${dir}: ${message}`));
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** A runner for the repository at `dir`. */
export function gitIn(dir: string): Git {
  return {
    dir,
    async text(args, options) {
      const out = await run(dir, args, options);
      return out.toString("utf8").replace(/\n$/, "");
    },
    bytes: (args, options) => run(dir, args, options),
    sync(args, options = {}) {
      try {
        return execFileSync("git", args, {
          cwd: dir,
          input: options.input,
          env: { ...process.env, ...options.env },
          maxBuffer: 512 * 1024 * 1024,
          stdio: ["pipe", "pipe", "pipe"],
        })
          .toString("utf8")
          .replace(/\n$/, "");
      } catch (error) {
        const stderr = (error as { stderr?: Buffer }).stderr?.toString();
        const why = stderr?.trim() || (error as Error).message;
        throw new Error(`git ${args.join(" ")} failed in ${dir}: ${why}`, {
          cause: error,
        });
      }
    },
    async maybe(args) {
      try {
        return (await run(dir, args)).toString("utf8").replace(/\n$/, "");
      } catch {
        return undefined;
      }
    },
  };
}
