/**
 * Why an apply failed, as a short word that metrics can group by. Berth's
 * errors carry their kind in `name` (see app/swarm/errors.ts and
 * app/applier/wait-healthy.ts), so no message text is parsed.
 */
export type FailureReason =
  | "refused"
  | "build"
  | "unhealthy"
  | "docker-unavailable"
  | "docker-api"
  | "conflict"
  | "other";

const BY_NAME: Record<string, FailureReason> = {
  BuildError: "build",
  NotHealthyError: "unhealthy",
  DockerUnavailableError: "docker-unavailable",
  DockerApiError: "docker-api",
  NotFoundError: "docker-api",
  ConflictError: "conflict",
  OutOfSequenceError: "conflict",
};

/** The reason an apply failed with `error`. */
export function failureReason(error: unknown): FailureReason {
  const name = error instanceof Error ? error.name : "";
  return BY_NAME[name] ?? "other";
}
