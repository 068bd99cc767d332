import { Writable } from "node:stream";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError } from "../../../app/swarm/errors.js";
import { SwarmClient } from "../../../app/swarm/swarm-client.js";
import {
  eventually,
  freePort,
  removeEnvironment,
  sleeperSpec,
  testEnvironment,
} from "./swarm-test-kit.js";

const swarm = new SwarmClient();
const made: string[] = [];

function environment(): string {
  const name = testEnvironment();
  made.push(name);
  return name;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((n) => removeEnvironment(swarm, n)));
});

describe("services", () => {
  it("creates, updates and removes a service", async () => {
    const env = environment();
    const spec = sleeperSpec(env);
    spec.EndpointSpec = {
      Mode: "dnsrr",
      Ports: [
        {
          Protocol: "tcp",
          TargetPort: 8080,
          PublishedPort: freePort(),
          PublishMode: "host",
        },
      ],
    };

    const id = await swarm.createService(spec);
    const created = await swarm.inspectService(spec.Name);
    expect(created?.id).toBe(id);

    await swarm.updateService(created!, sleeperSpec(env, ["GREETING=bye"]));
    const updated = await swarm.inspectService(id);
    expect(updated?.version).toBeGreaterThan(created!.version);
    expect(updated?.spec.TaskTemplate.ContainerSpec.Env).toEqual([
      "GREETING=bye",
    ]);
    expect(updated?.previousSpec?.TaskTemplate.ContainerSpec.Env).toEqual([
      "GREETING=hello",
    ]);

    await swarm.removeService(id, { waitForTasks: true });
    expect(await swarm.inspectService(id)).toBeUndefined();
    await swarm.removeService(id);
  });

  it("retries an update out of sequence; the later spec wins", async () => {
    const env = environment();
    const lines: string[] = [];
    const logger = pino(
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const client = new SwarmClient({ logger });
    await client.createService(sleeperSpec(env));
    const live = (await client.inspectService(`${env}_sleeper`))!;

    const first = client.updateService(live, sleeperSpec(env, ["APPLY=1"]));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = client.updateService(live, sleeperSpec(env, ["APPLY=2"]));
    await Promise.all([first, second]);

    const final = await client.inspectService(live.id);
    expect(final?.spec.TaskTemplate.ContainerSpec.Env).toEqual(["APPLY=2"]);
    expect(lines.join("")).toContain("service update out of sequence");
  });

  it("rolls a service back to its previous spec", async () => {
    const env = environment();
    await swarm.createService(sleeperSpec(env));
    const live = (await swarm.inspectService(`${env}_sleeper`))!;
    await swarm.updateService(live, sleeperSpec(env, ["GREETING=bye"]));

    await swarm.rollbackService(live);

    const rolled = await swarm.inspectService(live.id);
    expect(rolled?.spec.TaskTemplate.ContainerSpec.Env).toEqual([
      "GREETING=hello",
    ]);
  });

  it("lists the tasks of a service", async () => {
    const env = environment();
    await swarm.createService(sleeperSpec(env));

    const task = await eventually(async () => {
      const tasks = await swarm.listTasks({ service: [`${env}_sleeper`] });
      return tasks.find((t) => t.state === "running");
    });

    expect(task.desiredState).toBe("running");
    expect(task.containerId).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a second service of the same name", async () => {
    const env = environment();
    await swarm.createService(sleeperSpec(env));

    await expect(swarm.createService(sleeperSpec(env))).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it("says which config a service refers to that does not exist", async () => {
    const env = environment();
    const spec = sleeperSpec(env);
    spec.TaskTemplate.ContainerSpec.Configs = [
      {
        File: { Name: "/x", UID: "0", GID: "0", Mode: 0o444 },
        ConfigID: "",
        ConfigName: `${env}_missing-00000000`,
      },
    ];

    const error = await swarm.createService(spec).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain(`${env}_missing-00000000`);
  });
});

describe("networks, volumes, configs and secrets", () => {
  it("creates them with labels and removes them idempotently", async () => {
    const env = environment();
    const labels = { "dev.berth.environment": env };
    const data = Buffer.from("x").toString("base64");

    const networkId = await swarm.createNetwork({
      Name: `${env}_default`,
      Driver: "overlay",
      Attachable: true,
      Labels: labels,
    });
    await swarm.createVolume({ name: `${env}_data`, driver: "local", labels });
    const configId = await swarm.createConfig({
      name: `${env}_c-1`,
      data,
      labels,
    });
    const secretId = await swarm.createSecret({
      name: `${env}_s-1`,
      data,
      labels,
    });

    const live = await swarm.readLiveState();
    expect(live.networks.find((n) => n.id === networkId)?.labels).toEqual(
      labels,
    );
    expect(live.volumes.find((v) => v.name === `${env}_data`)).toBeDefined();
    expect(live.configs.find((c) => c.id === configId)?.name).toBe(
      `${env}_c-1`,
    );
    expect(live.secrets.find((s) => s.id === secretId)).toBeDefined();

    for (let round = 0; round < 2; round++) {
      await swarm.removeNetwork(networkId);
      await swarm.removeVolume(`${env}_data`);
      await swarm.removeConfig(configId);
      await swarm.removeSecret(secretId);
    }
  });
});
