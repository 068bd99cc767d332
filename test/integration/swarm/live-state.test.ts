import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { planEnvironment } from "../../../app/planner/plan.js";
import type { DesiredEnvironment } from "../../../app/render/types.js";
import { SwarmClient } from "../../../app/swarm/swarm-client.js";
import {
  labelsOf,
  removeEnvironment,
  sleeperSpec,
  testEnvironment,
} from "./swarm-test-kit.js";

const swarm = new SwarmClient();
const made: string[] = [];

async function makeEnvironment(): Promise<DesiredEnvironment> {
  const name = testEnvironment();
  const labels = labelsOf(name);
  made.push(name);

  const network = {
    Name: `${name}_default`,
    Driver: "overlay" as const,
    Attachable: true,
    Labels: labels,
  };
  const config = {
    name: `${name}_motd-00000000`,
    data: Buffer.from("hi").toString("base64"),
    labels,
  };
  const spec = sleeperSpec(name);
  spec.TaskTemplate.Networks = [{ Target: network.Name, Aliases: ["s"] }];
  spec.TaskTemplate.ContainerSpec.Configs = [
    {
      File: { Name: "/etc/motd", UID: "0", GID: "0", Mode: 0o444 },
      ConfigID: "",
      ConfigName: config.name,
    },
  ];

  await swarm.createNetwork(network);
  await swarm.createConfig(config);
  await swarm.createVolume({ name: `${name}_data`, driver: "local", labels });
  await swarm.createService(spec);

  return {
    name,
    labels,
    images: [],
    networks: [{ name: network.Name, spec: network }],
    volumes: [{ name: `${name}_data`, driver: "local", labels }],
    configs: [config],
    services: [{ name: spec.Name, spec, taskHash: "t" }],
    access: [],
    specHash: "h1",
  };
}

beforeAll(async () => {
  await swarm.ping();
});

afterEach(async () => {
  await Promise.all(made.splice(0).map((n) => removeEnvironment(swarm, n)));
});

describe("readLiveState", () => {
  it("makes one Engine API call per kind of object", async () => {
    const first = await makeEnvironment();
    const second = await makeEnvironment();

    const before = swarm.apiCallCount;
    const live = await swarm.readLiveState();

    expect(swarm.apiCallCount - before).toBe(6);
    const names = live.services.map((service) => service.name);
    expect(names).toEqual(
      expect.arrayContaining([
        `${first.name}_sleeper`,
        `${second.name}_sleeper`,
      ]),
    );
    expect(live.nodes.length).toBeGreaterThan(0);
    expect(live.nodes[0]?.memoryBytes).toBeGreaterThan(0);
    expect(live.configs.map((c) => c.name)).toContain(
      `${first.name}_motd-00000000`,
    );
    expect(live.volumes.map((v) => v.name)).toContain(`${second.name}_data`);
  });

  it("lists only objects carrying Berth's environment label", async () => {
    const live = await swarm.readLiveState();

    for (const network of live.networks) {
      expect(network.labels["dev.berth.environment"]).toBeDefined();
    }
    expect(live.networks.map((n) => n.name)).not.toContain("ingress");
  });

  it("reads back what it created so that a re-plan is unchanged", async () => {
    const desired = await makeEnvironment();

    const plan = planEnvironment(
      desired,
      await swarm.readLiveState(),
      desired.name,
    );

    expect(plan.actions.filter((a) => a.type !== "unchanged")).toEqual([]);
  });
});
