/**
 * The errors the Swarm adapter throws. Docker's own errors (HTTP status
 * plus a message string) are translated into these at the adapter's edge,
 * so callers switch on classes, never on message text.
 */

/** Base class of every error the Swarm adapter throws. */
export class SwarmError extends Error {
  override name = "SwarmError";
}

/** The Docker Engine cannot be reached, or is not a swarm manager. */
export class DockerUnavailableError extends SwarmError {
  override name = "DockerUnavailableError";

  /** Where Berth tried to reach the engine, e.g. `unix:///run/docker.sock`. */
  readonly endpoint: string;

  constructor(message: string, endpoint: string, options?: ErrorOptions) {
    super(message, options);
    this.endpoint = endpoint;
  }
}

/** The Engine answered with an error status. */
export class DockerApiError extends SwarmError {
  override name = "DockerApiError";

  /** HTTP status of the Engine's answer. */
  readonly status: number;

  /** The Engine's own message, without Berth's context. */
  readonly dockerMessage: string;

  constructor(
    message: string,
    status: number,
    dockerMessage: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.status = status;
    this.dockerMessage = dockerMessage;
  }
}

/** The object named in the request does not exist (HTTP 404). */
export class NotFoundError extends DockerApiError {
  override name = "NotFoundError";
}

/** The object exists already or is still in use (HTTP 409). */
export class ConflictError extends DockerApiError {
  override name = "ConflictError";
}

/** A service update carried a version that is no longer current. */
export class OutOfSequenceError extends DockerApiError {
  override name = "OutOfSequenceError";
}

/** An image build failed; `step` and `output` say where and why. */
export class BuildError extends SwarmError {
  override name = "BuildError";

  readonly ref: string;
  /** The Dockerfile step that failed, e.g. `Step 2/3 : RUN make`. */
  readonly step: string | undefined;
  /** Output lines of the failing step, oldest first. */
  readonly output: string[];

  constructor(
    message: string,
    details: { ref: string; step?: string; output?: string[] },
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.ref = details.ref;
    this.step = details.step;
    this.output = details.output ?? [];
  }
}
