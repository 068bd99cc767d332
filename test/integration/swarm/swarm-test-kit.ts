/**
 * Shared helpers of the Swarm adapter's integration tests: unique
 * `t-swarm-` names, small service specs, and a cleanup that removes every
 * object a test made.
 */
import { randomBytes } from "node:crypto";
import { SwarmClient } from "../../../app/swarm/swarm-client.js";
import type { Labels, ServiceSpec } from "../../../app/swarm/spec-types.js";
import { ENVIRONMENT_LABEL } from "../../../app/swarm/labels.js";

/** A fresh environment name such as `t-swarm-3fa9c1`. */
export function testEnvironment(): string {
  return `t-swarm-${randomBytes(3).toString("hex")}`;
}

/** Labels Berth puts on every object of `environment`. */
export function labelsOf(environment: string): Labels {
  return {
    "com.docker.stack.namespace": environment,
    [ENVIRONMENT_LABEL]: environment,
  };
}

/** A host port unlikely to be taken by other tests. */
export function freePort(): number {
  return 39_400 + Math.floor(Math.random() * 500);
}

/** A busybox service that stops at once when asked. */
export function sleeperSpec(
  environment: string,
  env: string[] = ["GREETING=hello"],
): ServiceSpec {
  return {
    Name: `${environment}_sleeper`,
    Labels: { ...labelsOf(environment), "dev.berth.spec-hash": "h1" },
    TaskTemplate: {
      ContainerSpec: {
        Image: "berth/busybox:latest",
        Command: ["sleep", "600"],
        Env: env,
        Init: true,
        StopGracePeriod: 1_000_000_000,
      },
      RestartPolicy: { Condition: "on-failure", MaxAttempts: 1 },
    },
    Mode: { Replicated: { Replicas: 1 } },
    EndpointSpec: { Mode: "dnsrr" },
  };
}

/** Removes every object labelled with `environment`, volumes included. */
export async function removeEnvironment(
  swarm: SwarmClient,
  environment: string,
): Promise<void> {
  const live = await swarm.readLiveState();
  const owned = <T extends { labels: Labels }>(items: T[]) =>
    items.filter((item) => item.labels[ENVIRONMENT_LABEL] === environment);

  const services = live.services.filter(
    (s) => s.spec.Labels?.[ENVIRONMENT_LABEL] === environment,
  );
  await Promise.all(
    services.map((s) => swarm.removeService(s.id, { waitForTasks: true })),
  );
  await Promise.all([
    ...owned(live.configs).map((c) => swarm.removeConfig(c.id)),
    ...owned(live.secrets).map((s) => swarm.removeSecret(s.id)),
    ...owned(live.networks).map((n) => swarm.removeNetwork(n.id)),
  ]);
  await Promise.all(owned(live.volumes).map((v) => swarm.removeVolume(v.name)));
}

/** Polls `check` until it returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;

  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
