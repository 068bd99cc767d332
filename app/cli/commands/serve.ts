/**
 * `berth serve`: runs the GitHub App with Probot's standard settings
 * (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT, HOST,
 * GHE_HOST, GHE_PROTOCOL, LOG_LEVEL); webhooks arrive on
 * `/api/github/webhooks`. SIGTERM stops taking deliveries and lets the
 * queued work finish.
 */
import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { run } from "probot";
import { rootLogger } from "../../log.js";
import { createServices } from "../../github/services.js";
import { createBerthApp } from "../../github/berth-app.js";
import { createObservabilityRouter } from "../../observe/http-router.js";

/** How long SIGTERM waits for queued work before exiting. */
const DRAIN_MS = 60_000;

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("run the GitHub App (Probot settings from the environment)")
    .action(async () => {
      const log = rootLogger.child({ command: "serve" });
      readSecretFile();
      const services = await createServices(log);
      const berth = createBerthApp(services);
      const server = await run(
        (app, options) => {
          // Metrics and the dashboard, on the app's own port; added while
          // the app loads, since Probot's "not found" answer comes last.
          options.addHandler(
            createObservabilityRouter({ swarm: services.swarm, log }),
          );
          return berth(app, options);
        },
        { log: rootLogger },
      );
      log.info({ port: server.port }, "berth serve listening");

      process.once("SIGTERM", () => {
        log.info({ queued: services.queue.size }, "stopping");
        const drained = Promise.race([
          services.queue.idle(),
          new Promise((done) => setTimeout(done, DRAIN_MS).unref()),
        ]);
        void server
          .stop()
          .then(() => drained)
          .finally(() => process.exit(0));
      });
      await new Promise<never>(() => undefined);
    });
}

/**
 * Swarm secrets are files: `WEBHOOK_SECRET_FILE` names the file holding
 * the webhook secret (PRIVATE_KEY_PATH already does this for the key).
 */
function readSecretFile(): void {
  const file = process.env.WEBHOOK_SECRET_FILE;
  if (!file || process.env.WEBHOOK_SECRET) return;
  try {
    process.env.WEBHOOK_SECRET = readFileSync(file, "utf8").trim();
  } catch (err) {
    throw new Error(
      `WEBHOOK_SECRET_FILE ${file} cannot be read; mount the secret there ` +
        "or set WEBHOOK_SECRET",
      { cause: err },
    );
  }
}
