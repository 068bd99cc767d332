import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareServiceSpecs } from "../../../app/planner/compare-service.js";
import { canonicalImageRef } from "../../../app/planner/image-ref.js";
import { normaliseServiceSpec } from "../../../app/planner/normalise-spec.js";
import type { ServiceSpec } from "../../../app/swarm/spec-types.js";
import {
  ENV,
  desiredWorkspaceSpec,
  liveCliService,
  liveState,
  liveWorkspace,
} from "./fixtures.js";

const networkNames = new Map(
  liveState().networks.map((network) => [network.id, network.name]),
);

function cliDesiredSpec(): ServiceSpec {
  return {
    Name: `${ENV}_cli`,
    Labels: { "dev.berth.environment": ENV },
    TaskTemplate: {
      ContainerSpec: {
        Image: "berth/busybox:latest",
        Args: ["httpd", "-f", "-p", "8080"],
        Env: ["A=1", "B=2"],
        Mounts: [{ Type: "volume", Source: `${ENV}_home`, Target: "/data" }],
        Healthcheck: { Test: ["CMD-SHELL", "nc -z 127.0.0.1 8080"] },
        Configs: [
          {
            File: { Name: "/etc/motd", UID: "0", GID: "0", Mode: 0o444 },
            ConfigID: "",
            ConfigName: `${ENV}_motd-1a2b3c4d`,
          },
        ],
      },
      Resources: { Reservations: { MemoryBytes: 16 * 2 ** 20 } },
      Networks: [{ Target: `${ENV}_default` }],
    },
    EndpointSpec: {
      Mode: "dnsrr",
      Ports: [
        {
          Protocol: "tcp",
          TargetPort: 8080,
          PublishedPort: 39301,
          PublishMode: "host",
        },
      ],
    },
  };
}

describe("normaliseServiceSpec", () => {
  it("makes the spec Berth sent equal to the one Docker stored", () => {
    const desired = normaliseServiceSpec(desiredWorkspaceSpec(), {
      networkNames,
    });
    const live = normaliseServiceSpec(liveWorkspace().Spec, { networkNames });

    expect(live).toEqual(desired);
  });

  it("removes what Docker fills in for a CLI-created service", () => {
    const changes = compareServiceSpecs(
      cliDesiredSpec(),
      liveCliService().Spec,
      { networkNames },
    );

    expect(changes).toEqual([]);
  });

  it("drops defaults, empty values, config IDs and network aliases", () => {
    const live = normaliseServiceSpec(liveWorkspace().Spec, { networkNames });
    const task = live.TaskTemplate;

    expect(task.ForceUpdate).toBeUndefined();
    expect(task.RestartPolicy).toBeUndefined();
    expect(live.RollbackConfig).toBeUndefined();
    expect(task.ContainerSpec).not.toHaveProperty("Isolation");
    expect(task.ContainerSpec).not.toHaveProperty("DNSConfig");
    expect(task.ContainerSpec.Configs?.[0]).not.toHaveProperty("ConfigID");
    expect(task.Networks).toEqual([{ Target: `${ENV}_default` }]);
  });

  it("keeps an update config given without parallelism as all-at-once", () => {
    const spec = desiredWorkspaceSpec();
    spec.UpdateConfig = { Parallelism: 1, Order: "stop-first" };

    const changes = compareServiceSpecs(spec, liveWorkspace().Spec, {
      networkNames,
    });

    expect(changes.map((change) => change.field)).toEqual([
      "UpdateConfig.FailureAction",
      "UpdateConfig.Parallelism",
    ]);
  });

  it("ignores the digest Docker appends to a tagged image", () => {
    const live = liveWorkspace().Spec;
    live.TaskTemplate.ContainerSpec.Image =
      "berth/busybox:latest@sha256:" + "a".repeat(64);

    expect(
      compareServiceSpecs(desiredWorkspaceSpec(), live, { networkNames }),
    ).toEqual([]);
  });

  it("keeps a global service apart from a replicated one", () => {
    const global: ServiceSpec = {
      ...desiredWorkspaceSpec(),
      Mode: { Global: {} } as ServiceSpec["Mode"],
    };
    const changes = compareServiceSpecs(global, liveWorkspace().Spec, {
      networkNames,
    });

    expect(changes.map((change) => change.field)).toContain("Mode.Global");
  });

  it("compares order-insensitive lists as sets", () => {
    const shuffled = (items: string[], seed: number) =>
      [...items].sort(
        (a, b) => ((a + seed).length % 3) - ((b + seed).length % 3),
      );

    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), (seed) => {
        const spec = desiredWorkspaceSpec();
        const container = spec.TaskTemplate.ContainerSpec;
        container.Env = shuffled(container.Env ?? [], seed);
        container.Mounts = [...(container.Mounts ?? [])].reverse();

        return (
          compareServiceSpecs(spec, liveWorkspace().Spec, { networkNames })
            .length === 0
        );
      }),
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Z]{1,4}=[a-z0-9]{0,4}$/)),
        fc.constantFrom(0, 1, 3),
        (env, replicas) => {
          const spec = desiredWorkspaceSpec();
          spec.TaskTemplate.ContainerSpec.Env = env;
          spec.Mode = { Replicated: { Replicas: replicas } };
          const once = normaliseServiceSpec(spec, { networkNames });

          expect(normaliseServiceSpec(once, { networkNames })).toEqual(once);
        },
      ),
    );
  });
});

describe("canonicalImageRef", () => {
  it.each([
    ["busybox", "busybox:latest"],
    ["berth/web:1a2b", "berth/web:1a2b"],
    ["localhost:5000/web", "localhost:5000/web:latest"],
    [`web:1@sha256:${"b".repeat(64)}`, "web:1"],
    [`web@sha256:${"c".repeat(64)}`, `web@sha256:${"c".repeat(64)}`],
  ])("%s -> %s", (ref, expected) => {
    expect(canonicalImageRef(ref)).toBe(expected);
  });
});
