/**
 * Waits until a removed service's tasks have shut down, so that the
 * networks and volumes they used can be removed next.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { SwarmError } from "./errors.js";

export interface WaitTasksGoneOptions {
  /** Milliseconds to wait at most; default 60 s. */
  timeoutMs?: number;
  /** Milliseconds between polls; default 500. */
  intervalMs?: number;
}

/**
 * Polls `countTasks` until it reports no task of the service.
 * @throws SwarmError when tasks remain after the timeout.
 */
export async function waitTasksGone(
  service: string,
  countTasks: () => Promise<number>,
  options: WaitTasksGoneOptions = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;

  while ((await countTasks()) > 0) {
    if (Date.now() >= deadline) {
      throw new SwarmError(
        `Tasks of removed service ${service} were still shutting down ` +
          `after ${Math.round(timeoutMs / 1000)} s; check them with ` +
          "`docker ps -a` on their node, then run the command again.",
      );
    }

    await sleep(options.intervalMs ?? 500);
  }
}
