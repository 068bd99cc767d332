import { describe, expect, it } from "vitest";
import {
  describeEndpoint,
  resolveConnection,
} from "../../../app/swarm/connection.js";

describe("resolveConnection", () => {
  it("uses the local socket by default", () => {
    expect(resolveConnection({}, {})).toEqual({
      socketPath: "/var/run/docker.sock",
    });
  });

  it("leaves DOCKER_HOST to docker-modem", () => {
    const env = { DOCKER_HOST: "tcp://10.0.0.5:2376" };

    expect(resolveConnection({}, env)).toEqual({
      dockerHost: "tcp://10.0.0.5:2376",
    });
  });

  it("prefers explicit options to DOCKER_HOST", () => {
    const env = { DOCKER_HOST: "tcp://10.0.0.5:2375" };

    expect(resolveConnection({ socketPath: "/s" }, env)).toEqual({
      socketPath: "/s",
    });
  });

  it("describes endpoints for messages", () => {
    expect(describeEndpoint({ socketPath: "/s" })).toBe("unix:///s");
    expect(describeEndpoint({ dockerHost: "ssh://me@h" })).toBe("ssh://me@h");
    expect(describeEndpoint({ host: "h", port: 2376, protocol: "https" })).toBe(
      "https://h:2376",
    );
  });
});
