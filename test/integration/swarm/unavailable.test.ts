import { describe, expect, it } from "vitest";
import { DockerUnavailableError } from "../../../app/swarm/errors.js";
import { SwarmClient } from "../../../app/swarm/swarm-client.js";

describe("a Docker Engine that cannot be reached", () => {
  const missing = new SwarmClient({
    socketPath: "/tmp/t-swarm-no/docker.sock",
  });

  it("fails ping with one line that says how to start it", async () => {
    const error = await missing.ping().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DockerUnavailableError);
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    expect(message).toContain("unix:///tmp/t-swarm-no/docker.sock");
    expect(message).toContain("bash scripts/ensure-docker.sh");
  });

  it("fails every call the same way", async () => {
    await expect(missing.readLiveState()).rejects.toBeInstanceOf(
      DockerUnavailableError,
    );
    await expect(missing.imageExists("x:1")).rejects.toBeInstanceOf(
      DockerUnavailableError,
    );
  });

  it("fails on a TCP port where nothing listens", async () => {
    const client = new SwarmClient({ host: "127.0.0.1", port: 1 });

    const error = await client.ping().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DockerUnavailableError);
    expect((error as Error).message).toContain("tcp://127.0.0.1:1");
  });

  it("counts the requests it tried", async () => {
    const client = new SwarmClient({ socketPath: "/tmp/t-swarm-no/sock" });

    await client.readLiveState().catch(() => undefined);

    expect(client.apiCallCount).toBe(6);
  });
});
