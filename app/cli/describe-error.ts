/**
 * Turns an error into the one line a user reads. Errors Berth raises on
 * purpose already explain themselves; anything else is shown with its type
 * so that a bug report carries it, and with BERTH_LOG_LEVEL=debug the full
 * stack goes to the log.
 */
const EXPLAINED = new Set([
  "RepositoryError",
  "DockerUnavailableError",
  "DockerApiError",
  "NotFoundError",
  "ConflictError",
  "OutOfSequenceError",
  "BuildError",
  "NotHealthyError",
  "UsageError",
  "SettingsError",
]);

export class UsageError extends Error {
  override name = "UsageError";
}

export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (EXPLAINED.has(err.name)) return err.message;
  return (
    `${err.name}: ${err.message} (unexpected; rerun with ` +
    "BERTH_LOG_LEVEL=debug for details)"
  );
}
