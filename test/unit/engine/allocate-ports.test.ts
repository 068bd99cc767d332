import { describe, expect, it } from "vitest";
import {
  allocatePorts,
  livePublishedPorts,
  takenPorts,
} from "../../../app/engine/allocate-ports.js";
import type { Manifest } from "../../../app/manifest/types.js";
import type { LiveService } from "../../../app/swarm/live-types.js";

function manifest(name: string, ports: number[]): Manifest {
  return {
    apiVersion: "berth.dev/v1",
    kind: "Environment",
    metadata: { name, owners: ["alice"], labels: {} },
    spec: {
      template: "web",
      parameters: {},
      repositories: [],
      resources: {},
      env: {},
      access: {
        ports: ports.map((port) => ({
          service: "web",
          port,
          name: `p${port}`,
        })),
      },
    },
  };
}

function liveService(name: string, target: number, published: number) {
  return {
    id: name,
    version: 1,
    name,
    spec: {
      Name: name,
      TaskTemplate: { ContainerSpec: { Image: "x" } },
      EndpointSpec: {
        Ports: [
          {
            Protocol: "tcp",
            TargetPort: target,
            PublishedPort: published,
            PublishMode: "host",
          },
        ],
      },
    },
  } as LiveService;
}

describe("allocatePorts", () => {
  it("keeps the host port a live service already publishes", () => {
    const live = [liveService("a_web", 8080, 21234)];
    const ports = allocatePorts(
      manifest("a", [8080]),
      livePublishedPorts(live),
      takenPorts(live),
    );

    expect(Object.values(ports)).toEqual([21234]);
  });

  it("gives the same new port for the same name, and never a taken one", () => {
    const first = allocatePorts(manifest("b", [3000]), new Map(), new Set());
    const again = allocatePorts(manifest("b", [3000]), new Map(), new Set());
    const taken = new Set(Object.values(first));
    const other = allocatePorts(manifest("b", [3000]), new Map(), taken);

    expect(again).toEqual(first);
    expect(Object.values(other)[0]).not.toBe(Object.values(first)[0]);
  });

  it("stays within the range and says so when it is full", () => {
    const range = { first: 30000, last: 30001 };
    const taken = new Set<number>();
    const ports = allocatePorts(manifest("c", [1, 2]), new Map(), taken, range);

    expect(Object.values(ports).sort()).toEqual([30000, 30001]);
    expect(() =>
      allocatePorts(manifest("d", [1]), new Map(), taken, range),
    ).toThrow(/no free host port left in 30000-30001/);
  });
});
