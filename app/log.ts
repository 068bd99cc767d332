/**
 * Structured logs. Every command and every apply gets a child logger that
 * carries its environment and commit, so the lines of one run can be found
 * together. Logs go to stderr; stdout belongs to command output.
 */
import { pino, type Logger } from "pino";

export type { Logger };

const level = process.env.BERTH_LOG_LEVEL ?? process.env.LOG_LEVEL ?? "info";

/**
 * Errors in logs: their type and message, which say what went wrong and
 * what to do; the stack trace only when debugging.
 */
const debugging = level === "debug" || level === "trace";
const serializers = {
  err: (err: Error) => {
    const full = pino.stdSerializers.err(err);
    if (debugging) return full;
    const { stack: _stack, ...brief } = full;
    return brief;
  },
};

function createRootLogger(): Logger {
  const pretty =
    process.stderr.isTTY && process.env.BERTH_LOG_FORMAT !== "json";
  if (!pretty) {
    return pino(
      { level, base: { app: "berth" }, serializers },
      pino.destination(2),
    );
  }
  return pino({
    level,
    serializers,
    base: undefined,
    transport: {
      target: "pino-pretty",
      options: { destination: 2, ignore: "pid,hostname", translateTime: true },
    },
  });
}

export const rootLogger: Logger = createRootLogger();
