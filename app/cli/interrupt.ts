/**
 * Ctrl-C during a command that changes the cluster: the first one asks
 * the work to stop and undo what it changed; a second one quits at once.
 */
import { rootLogger } from "../log.js";

/** Runs `work` with a signal that Ctrl-C (SIGINT or SIGTERM) aborts. */
export async function withInterrupt<T>(
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const stop = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    rootLogger.warn(
      { signal: name },
      "stopping: undoing this run's changes; press Ctrl-C again to quit now",
    );
    controller.abort(new Error(`interrupted by ${name}`));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  try {
    return await work(controller.signal);
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}
