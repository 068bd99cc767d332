/**
 * Turns what docker-modem rejects with (a socket error, or an Error with
 * `statusCode` and the Engine's JSON) into Berth's typed Swarm errors.
 */
import {
  ConflictError,
  DockerApiError,
  DockerUnavailableError,
  NotFoundError,
  OutOfSequenceError,
  SwarmError,
} from "./errors.js";

const START_HINT =
  "start it with `bash scripts/ensure-docker.sh`, or set DOCKER_HOST " +
  "to a running engine";

const UNREACHABLE_CODES = new Set([
  "ENOENT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENOTSOCK",
]);

interface ModemError {
  message?: string;
  code?: string;
  statusCode?: number;
  json?: unknown;
}

/**
 * Translates a failed Engine request.
 * @param action what Berth was doing, e.g. `update service env_web`.
 * @param endpoint where the engine was reached, for messages.
 */
export function translateDockerError(
  error: unknown,
  action: string,
  endpoint: string,
): SwarmError {
  if (error instanceof SwarmError) {
    return error;
  }

  const raw = (error ?? {}) as ModemError;

  if (typeof raw.statusCode !== "number") {
    return unreachable(raw, endpoint, error);
  }

  return apiError(raw.statusCode, dockerMessage(raw), action, endpoint, error);
}

function unreachable(
  raw: ModemError,
  endpoint: string,
  cause: unknown,
): SwarmError {
  const reason = firstLine(raw.message ?? String(cause));

  if (raw.code === "EACCES") {
    return new DockerUnavailableError(
      `Permission denied on the Docker Engine at ${endpoint}: ` +
        "run Berth as root or add your user to the docker group.",
      endpoint,
      { cause },
    );
  }

  const known = raw.code !== undefined && UNREACHABLE_CODES.has(raw.code);
  const what = known ? "is not reachable" : "did not answer";

  return new DockerUnavailableError(
    `The Docker Engine at ${endpoint} ${what} (${reason}): ${START_HINT}.`,
    endpoint,
    { cause },
  );
}

function apiError(
  status: number,
  message: string,
  action: string,
  endpoint: string,
  cause: unknown,
): SwarmError {
  const text = `Docker could not ${action}: ${message} (HTTP ${status})`;

  if (/not a swarm manager|not part of a swarm/i.test(message)) {
    return new DockerUnavailableError(
      `The Docker Engine at ${endpoint} is not a swarm manager: run ` +
        "`bash scripts/ensure-docker.sh` to initialise a swarm, or set " +
        "DOCKER_HOST to a manager node.",
      endpoint,
      { cause },
    );
  }

  if (/update out of sequence/i.test(message)) {
    return new OutOfSequenceError(text, status, message, { cause });
  }

  if (status === 404) {
    return new NotFoundError(text, status, message, { cause });
  }

  if (status === 409 || /in use|active endpoints/i.test(message)) {
    return new ConflictError(text, status, message, { cause });
  }

  return new DockerApiError(text, status, message, { cause });
}

function dockerMessage(raw: ModemError): string {
  const body = Buffer.isBuffer(raw.json) ? raw.json.toString() : raw.json;
  const json = body as { message?: unknown } | string | undefined;

  if (json && typeof json === "object" && typeof json.message === "string") {
    return firstLine(json.message);
  }

  if (typeof json === "string" && json.trim() !== "") {
    return firstLine(json);
  }

  const text = raw.message ?? "unknown error";
  return firstLine(text.replace(/^\(HTTP code \d+\)\s*[^-]*-\s*/, ""));
}

function firstLine(text: string): string {
  return text.trim().split("\n")[0] ?? "";
}
