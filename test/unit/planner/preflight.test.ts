import { describe, expect, it } from "vitest";
import { preflight, preflightAll } from "../../../app/planner/preflight.js";
import type { ServiceSpec } from "../../../app/swarm/spec-types.js";
import {
  ENV,
  NODE,
  desiredEnvironment,
  desiredWorkspaceSpec,
  emptyLiveState,
  liveState,
} from "./fixtures.js";

const GiB = 2 ** 30;

function withPort(name: string, port: number): ServiceSpec {
  const spec = desiredWorkspaceSpec();
  spec.Name = `${name}_workspace`;
  spec.Labels = { "dev.berth.environment": name };
  spec.EndpointSpec = {
    Mode: "dnsrr",
    Ports: [
      {
        Protocol: "tcp",
        TargetPort: 3000,
        PublishedPort: port,
        PublishMode: "host",
      },
    ],
  };
  return spec;
}

describe("preflight", () => {
  it("accepts the fixture environment on the fixture cluster", () => {
    expect(preflight(desiredEnvironment(), liveState())).toEqual([]);
  });

  it("refuses a reservation larger than the largest node", () => {
    const spec = desiredWorkspaceSpec();
    spec.TaskTemplate.Resources = { Reservations: { MemoryBytes: 512 * GiB } };
    const small = {
      ...NODE,
      id: "n2",
      hostname: "small",
      memoryBytes: 2 * GiB,
    };
    const live = { ...emptyLiveState(), nodes: [small, NODE] };

    const findings = preflight(desiredEnvironment(spec), live, {
      file: "environments/alice.yaml",
    });

    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      file: "environments/alice.yaml",
      path: "spec.resources.memory",
      severity: "error",
      found: "512 GiB",
      expected: "at most 23.5 GiB",
    });
    expect(findings[0]?.message).toContain("vm has 23.5 GiB");
  });

  it("refuses more CPUs than a node has", () => {
    const spec = desiredWorkspaceSpec();
    spec.TaskTemplate.Resources = { Reservations: { NanoCPUs: 8e9 } };

    const [finding] = preflight(desiredEnvironment(spec), emptyLiveState());

    expect(finding?.path).toBe("spec.resources.cpus");
    expect(finding?.message).toContain("vm has 2 CPUs");
    expect(finding?.file).toBe(ENV);
  });

  it("refuses a port that another environment publishes", () => {
    const live = emptyLiveState();
    live.services = [
      {
        id: "s1",
        version: 1,
        name: "payments-bob_workspace",
        spec: withPort("payments-bob", 30080),
      },
    ];

    const desired = desiredEnvironment(withPort(ENV, 30080));
    const [finding] = preflight(desired, live);

    expect(finding?.severity).toBe("error");
    expect(finding?.path).toBe("spec.access.ports");
    expect(finding?.message).toContain("environment payments-bob");
    expect(finding?.message).toContain("payments-bob_workspace");
  });

  it("lets an environment keep the ports it publishes already", () => {
    const live = emptyLiveState();
    live.services = [
      {
        id: "s1",
        version: 1,
        name: `${ENV}_workspace`,
        spec: withPort(ENV, 30080),
      },
    ];

    expect(preflight(desiredEnvironment(withPort(ENV, 30080)), live)).toEqual(
      [],
    );
  });

  it.each([22, 2377, 7946, 4789, 80, 443])(
    "refuses reserved port %i",
    (port) => {
      const [finding] = preflight(
        desiredEnvironment(withPort(ENV, port)),
        emptyLiveState(),
      );

      expect(finding?.message).toContain(`publishes port ${port}`);
      expect(finding?.message).toContain("reserved");
    },
  );

  it("gives a contested port to the first environment of a plan", () => {
    const first = desiredEnvironment(withPort("t-swarm-a", 30090), "t-swarm-a");
    const second = desiredEnvironment(
      withPort("t-swarm-b", 30090),
      "t-swarm-b",
    );

    const findings = preflightAll([first, second], emptyLiveState(), {
      manifestPaths: new Map([["t-swarm-b", "environments/b.yaml"]]),
    });

    expect(findings.get("t-swarm-a")).toEqual([]);
    expect(findings.get("t-swarm-b")?.[0]?.message).toContain(
      "environment t-swarm-a",
    );
    expect(findings.get("t-swarm-b")?.[0]?.file).toBe("environments/b.yaml");
  });

  it("frees the ports of environments being destroyed", () => {
    const live = emptyLiveState();
    live.services = [
      {
        id: "s1",
        version: 1,
        name: "old_workspace",
        spec: withPort("old", 30100),
      },
    ];

    const findings = preflight(desiredEnvironment(withPort(ENV, 30100)), live, {
      destroy: ["old"],
    });

    expect(findings).toEqual([]);
  });

  it("refuses a pin to a node that does not exist", () => {
    const spec = desiredWorkspaceSpec();
    spec.TaskTemplate.Placement = { Constraints: ["node.hostname == gone"] };

    const [finding] = preflight(desiredEnvironment(spec), liveState());

    expect(finding?.message).toContain("node.hostname == gone");
  });
});
