/**
 * The logger handed to Berth's engine during the bench: warnings and
 * errors only, on stderr, so that stdout holds the table alone.
 */
import { pino } from "pino";
import type { Logger } from "../app/log.js";

export const benchLog: Logger = pino(
  { level: process.env.BERTH_LOG_LEVEL ?? "warn", base: { app: "bench" } },
  pino.destination(2),
);
