import { describe, expect, it } from "vitest";
import { summarise } from "../../../app/engine/environment-status.js";
import type { LiveState } from "../../../app/swarm/live-types.js";

const live: LiveState = {
  services: [
    {
      id: "s1",
      version: 1,
      name: "dev-a_workspace",
      spec: {
        Name: "dev-a_workspace",
        Labels: {
          "dev.berth.environment": "dev-a",
          "dev.berth.gateway-access": "app=3000,docs=8000",
        },
        TaskTemplate: { ContainerSpec: { Image: "x" } },
        EndpointSpec: {
          Ports: [
            {
              Name: "berth-ssh",
              Protocol: "tcp",
              TargetPort: 22,
              PublishedPort: 30022,
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

const gateway = {
  domain: "dev.example",
  tls: true,
  httpPort: 80,
  httpsPort: 443,
};

describe("status URLs with a gateway", () => {
  it("gives routed ports the gateway's URLs and prints the ssh command", () => {
    const [env] = summarise(live, [], gateway);

    expect(env?.access.map((a) => a.url)).toEqual([
      "https://app--dev-a.dev.example/",
      "https://docs--dev-a.dev.example/",
    ]);
    expect(env?.ssh).toBe("ssh -p 30022 dev@127.0.0.1");
  });

  it("prints no URL for routed ports while no gateway runs", () => {
    const [env] = summarise(live, []);

    expect(env?.access).toEqual([]);
  });
});
