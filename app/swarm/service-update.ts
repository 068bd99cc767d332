/**
 * Sends a service update that carries the live version, and when Docker
 * answers "update out of sequence" (someone else updated the service in
 * between), re-reads the service and tries again a bounded number of times.
 */
import pRetry from "p-retry";
import { NotFoundError, OutOfSequenceError } from "./errors.js";
import type { LiveService } from "./live-types.js";

export interface VersionedUpdate {
  /** The service as last read; its version goes with the first attempt. */
  live: LiveService;
  /** Sends one update for the given version of the service. */
  send: (current: LiveService) => Promise<void>;
  /** Reads the service again after a stale-version answer. */
  reread: (id: string) => Promise<LiveService | undefined>;
  /** Further attempts after the first; default 5. */
  retries?: number;
  /** Called before each further attempt. */
  onRetry?: (attempt: number, error: Error) => void;
}

/**
 * Runs a versioned update with bounded retries on stale versions.
 * @throws OutOfSequenceError when the service kept changing.
 * @throws NotFoundError when the service disappeared meanwhile.
 */
export async function updateWithRetry(update: VersionedUpdate): Promise<void> {
  const { live } = update;
  const retries = update.retries ?? 5;

  try {
    await pRetry((attempt) => attemptUpdate(update, attempt), {
      retries,
      minTimeout: 50,
      maxTimeout: 1_000,
      randomize: true,
      shouldRetry: ({ error }) => error instanceof OutOfSequenceError,
      onFailedAttempt: ({ error, attemptNumber }) => {
        if (error instanceof OutOfSequenceError) {
          update.onRetry?.(attemptNumber, error);
        }
      },
    });
  } catch (error) {
    throw describeFailure(error, live.name, retries + 1);
  }
}

async function attemptUpdate(
  update: VersionedUpdate,
  attempt: number,
): Promise<void> {
  const current =
    attempt === 1 ? update.live : await update.reread(update.live.id);

  if (current === undefined) {
    const message =
      `Service ${update.live.name} was removed while Berth updated it; ` +
      "run the apply again to create it.";
    throw new NotFoundError(message, 404, "service not found");
  }

  await update.send(current);
}

function describeFailure(
  error: unknown,
  name: string,
  attempts: number,
): unknown {
  if (!(error instanceof OutOfSequenceError)) {
    return error;
  }

  const message =
    `Service ${name} kept changing while Berth updated it ` +
    `(${attempts} attempts); make sure no other apply or \`docker service ` +
    "update` runs at the same time, then apply again.";
  return new OutOfSequenceError(message, error.status, error.dockerMessage, {
    cause: error,
  });
}
