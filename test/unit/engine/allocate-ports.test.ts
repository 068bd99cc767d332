import { once } from "node:events";
import { createServer, type AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { allocateAllPorts } from "../../../app/engine/allocate-all-ports.js";
import {
  allocatePorts,
  configuredPortRange,
  livePublishedPorts,
  takenPorts,
} from "../../../app/engine/allocate-ports.js";
import { probeLocalPorts } from "../../../app/engine/host-port-probe.js";
import type { Manifest, ManifestFile } from "../../../app/manifest/types.js";
import { emptyLiveState } from "../planner/fixtures.js";
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

describe("configuredPortRange", () => {
  it("defaults to 20000-29999", () => {
    expect(configuredPortRange("")).toEqual({ first: 20000, last: 29999 });
  });

  it("reads FIRST-LAST", () => {
    expect(configuredPortRange(" 31000 - 31999 ")).toEqual({
      first: 31000,
      last: 31999,
    });
  });

  it.each(["80-90", "30000", "2-1", "40000-70000", "a-b"])(
    "refuses %s, naming the setting",
    (text) => {
      expect(() => configuredPortRange(text)).toThrow(/BERTH_PORT_RANGE/);
    },
  );
});

describe("allocateAllPorts", () => {
  const manifests = [manifest("e", [3000])].map((m) => ({
    manifest: m,
  })) as unknown as ManifestFile[];

  it("skips a port that something on the host listens on", async () => {
    const first = await allocateAllPorts(manifests, emptyLiveState(), noProbe);
    const busy = first.get("e")!["web:3000"]!;
    const probe = async (ports: readonly number[]) =>
      ports.filter((port) => port === busy);

    const again = await allocateAllPorts(manifests, emptyLiveState(), probe);

    expect(again.get("e")!["web:3000"]).not.toBe(busy);
  });

  it("finds a port a local server listens on", async () => {
    const server = createServer().listen(0, "0.0.0.0");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    try {
      expect(await probeLocalPorts([port])).toEqual([port]);
    } finally {
      server.close();
    }
  });
});

async function noProbe(): Promise<number[]> {
  return [];
}
