/**
 * Structured logs. Every command and every apply gets a child logger that
 * carries its environment and commit, so the lines of one run can be found
 * together. Logs go to stderr; stdout belongs to command output.
 */
import { pino, type Logger } from "pino";

export type { Logger };

const level = process.env.BERTH_LOG_LEVEL ?? process.env.LOG_LEVEL ?? "info";

function createRootLogger(): Logger {
  const pretty =
    process.stderr.isTTY && process.env.BERTH_LOG_FORMAT !== "json";
  if (!pretty) {
    return pino({ level, base: { app: "berth" } }, pino.destination(2));
  }
  return pino({
    level,
    base: undefined,
    transport: {
      target: "pino-pretty",
      options: { destination: 2, ignore: "pid,hostname", translateTime: true },
    },
  });
}

export const rootLogger: Logger = createRootLogger();
