/**
 * `berth dashboard [--port N]`: serves the dashboard, `/metrics` and the
 * dashboard's data on this machine, without the GitHub App. Binds to
 * 127.0.0.1 unless `--host` says otherwise: the page has no login of its
 * own. Runs until interrupted.
 */
import { createServer, type Server } from "node:http";
import { resolve } from "node:path";
import type { Command } from "commander";
import { simpleGit } from "simple-git";
import { stdoutOutput } from "../output.js";
import { commandLogger, createSwarm } from "../engine-session.js";
import { globalOptions } from "../snapshot-options.js";
import { UsageError } from "../describe-error.js";
import { createObservabilityRouter } from "../../observe/http-router.js";
import { webUrl } from "../../observe/repository-links.js";

interface DashboardOptions {
  port: number;
  host: string;
  repositoryUrl?: string;
}

export function registerDashboard(program: Command): void {
  program
    .command("dashboard")
    .description("serve the dashboard and /metrics on this machine")
    .option("--port <n>", "port to listen on (0: any free)", parsePort, 8787)
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .option(
      "--repository-url <url>",
      "web address of the repository, for commit links " +
        "(default: from the origin remote of --repo)",
    )
    .action(async (options: DashboardOptions, command: Command) => {
      const log = commandLogger("dashboard");
      const repositoryUrl =
        options.repositoryUrl ??
        (await originUrl(resolve(globalOptions(command).repo)));
      const handle = createObservabilityRouter({
        swarm: createSwarm(),
        log,
        ...(repositoryUrl && { repositoryUrl }),
      });
      const server = createServer((req, res) => {
        void handle(req, res).then((handled) => {
          if (!handled) res.writeHead(404).end("not found\n");
        });
      });
      const port = await listen(server, options);
      const address = `http://${options.host}:${port}`;
      stdoutOutput.line(`dashboard: ${address}/dashboard`);
      stdoutOutput.line(`metrics:   ${address}/metrics`);
      log.info({ address }, "dashboard serving");
      await untilInterrupted();
      server.close();
      server.closeAllConnections();
    });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(
      `--port ${value}: give a port from 1 to 65535, or 0 for any free one`,
    );
  }
  return port;
}

/** Starts listening; resolves with the port, chosen by the system for 0. */
function listen(server: Server, options: DashboardOptions): Promise<number> {
  return new Promise((done, fail) => {
    server.once("error", (err: NodeJS.ErrnoException) =>
      fail(
        new UsageError(
          `cannot listen on ${options.host}:${options.port} ` +
            `(${err.code ?? err.message}); choose another --port`,
        ),
      ),
    );
    server.listen(options.port, options.host, () => {
      const address = server.address();
      done(typeof address === "object" && address ? address.port : 0);
    });
  });
}

async function originUrl(repoDir: string): Promise<string | undefined> {
  const remote = await simpleGit(repoDir)
    .remote(["get-url", "origin"])
    .catch(() => undefined);
  return remote ? webUrl(remote.trim()) : undefined;
}

function untilInterrupted(): Promise<void> {
  return new Promise((done) => {
    process.once("SIGINT", () => done());
    process.once("SIGTERM", () => done());
  });
}
