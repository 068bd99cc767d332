import { describe, expect, it } from "vitest";
import {
  ConflictError,
  DockerApiError,
  DockerUnavailableError,
  NotFoundError,
  OutOfSequenceError,
} from "../../../app/swarm/errors.js";
import { translateDockerError } from "../../../app/swarm/translate-error.js";

const endpoint = "unix:///var/run/docker.sock";

function modemError(statusCode: number, message: string) {
  return Object.assign(new Error(`(HTTP code ${statusCode}) x - ${message}`), {
    statusCode,
    json: { message },
  });
}

describe("translateDockerError", () => {
  it.each([
    [404, "service x not found", NotFoundError],
    [409, "name conflicts with an existing object", ConflictError],
    [
      500,
      "rpc error: code = Unknown desc = update out of sequence",
      OutOfSequenceError,
    ],
    [500, "something else", DockerApiError],
  ])("maps HTTP %i %s", (status, message, type) => {
    const error = translateDockerError(
      modemError(status, message),
      "update service x",
      endpoint,
    );

    expect(error).toBeInstanceOf(type);
    expect((error as DockerApiError).status).toBe(status);
    expect(error.message).toBe(
      `Docker could not update service x: ${message} (HTTP ${status})`,
    );
  });

  it("explains an engine that is not a swarm manager", () => {
    const error = translateDockerError(
      modemError(503, "This node is not a swarm manager. Use ..."),
      "list services",
      endpoint,
    );

    expect(error).toBeInstanceOf(DockerUnavailableError);
    expect(error.message).toContain("ensure-docker.sh");
  });

  it("explains a socket without permission", () => {
    const cause = Object.assign(new Error("connect EACCES"), {
      code: "EACCES",
    });

    const error = translateDockerError(cause, "ping", endpoint);

    expect(error).toBeInstanceOf(DockerUnavailableError);
    expect(error.message).toContain("docker group");
  });
});
