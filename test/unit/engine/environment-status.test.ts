import { describe, expect, it } from "vitest";
import { summarise } from "../../../app/engine/environment-status.js";
import type { LiveState, LiveTask } from "../../../app/swarm/live-types.js";

const live: LiveState = {
  services: [
    {
      id: "s1",
      version: 3,
      name: "dev-a_web",
      updatedAt: "2026-01-01T00:00:00.000Z",
      spec: {
        Name: "dev-a_web",
        Labels: {
          "dev.berth.environment": "dev-a",
          "dev.berth.template": "web",
          "dev.berth.owners": "alice,acme/payments",
          "dev.berth.commit": "0123456789abcdef",
          "dev.berth.expires-after": "3600",
        },
        TaskTemplate: { ContainerSpec: { Image: "x" } },
        Mode: { Replicated: { Replicas: 1 } },
        EndpointSpec: {
          Ports: [
            {
              Name: "http",
              Protocol: "tcp",
              TargetPort: 8080,
              PublishedPort: 21000,
              PublishMode: "host",
            },
          ],
        },
      },
    },
  ],
  networks: [],
  volumes: [],
  configs: [],
  secrets: [],
  nodes: [],
};

function task(state: string, error?: string): LiveTask {
  return {
    id: state,
    serviceId: "s1",
    desiredState: "running",
    state,
    message: state,
    createdAt: "2026-01-01T00:00:00.000Z",
    ...(error ? { error } : {}),
  };
}

describe("summarise", () => {
  it("reports a running environment as healthy, with URL and expiry", () => {
    const [env] = summarise(live, [task("running")]);

    expect(env).toMatchObject({
      name: "dev-a",
      state: "healthy",
      template: "web",
      owners: ["alice", "acme/payments"],
      expiresAt: "2026-01-01T01:00:00.000Z",
      access: [{ name: "http", url: "http://127.0.0.1:21000/" }],
    });
  });

  it("reports Docker's reason when a task cannot run", () => {
    const [env] = summarise(live, [
      task("pending", "no suitable node (insufficient resources on 1 node)"),
    ]);

    expect(env?.state).toBe("degraded");
    expect(env?.services[0]?.problem).toMatch(/no suitable node/);
  });
});
