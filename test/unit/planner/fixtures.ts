/**
 * Builds planner inputs from the captured fixtures: a desired workspace
 * service and the spec Docker stored for it.
 */
import { readFileSync } from "node:fs";
import type {
  DesiredEnvironment,
  DesiredService,
} from "../../../app/render/types.js";
import { toLiveService } from "../../../app/swarm/live-mapping.js";
import type { EngineService } from "../../../app/swarm/engine-types.js";
import type { LiveNode, LiveState } from "../../../app/swarm/live-types.js";
import type { ServiceSpec } from "../../../app/swarm/spec-types.js";

export const ENV = "t-swarm-fixture";
export const LABELS = {
  "com.docker.stack.namespace": ENV,
  "dev.berth.environment": ENV,
};

function fixture<T>(name: string): T {
  const url = new URL(`./fixtures/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as T;
}

/** The spec Berth sent to create the workspace service. */
export function desiredWorkspaceSpec(): ServiceSpec {
  return fixture<ServiceSpec>("workspace-desired.json");
}

/** The workspace service as `docker service inspect` returned it. */
export function liveWorkspace(): EngineService {
  return fixture<EngineService>("workspace-live.json");
}

/** A service created with `docker service create`, as Docker stored it. */
export function liveCliService(): EngineService {
  return fixture<EngineService>("cli-live.json");
}

/** The one node of the swarm the fixtures were captured on. */
export const NODE: LiveNode = {
  id: "8ut36eleg43blh3fi496r6x96",
  hostname: "vm",
  role: "manager",
  availability: "active",
  state: "ready",
  nanoCpus: 2_000_000_000,
  memoryBytes: 25_276_071_936,
  labels: {},
};

/** Live state holding the captured workspace and its objects. */
export function liveState(
  services: EngineService[] = [liveWorkspace()],
): LiveState {
  const networks = fixture<{ id: string; name: string }[]>("networks.json");

  return {
    services: services.map(toLiveService),
    networks: networks.map((n) => ({ ...n, labels: LABELS })),
    volumes: [{ name: `${ENV}_home`, driver: "local", labels: LABELS }],
    configs: [
      {
        id: "trl5k4zh74ubveys3u3h96cjz",
        name: `${ENV}_motd-1a2b3c4d`,
        labels: LABELS,
      },
    ],
    secrets: [],
    nodes: [NODE],
  };
}

/** An empty cluster of one node. */
export function emptyLiveState(): LiveState {
  return {
    services: [],
    networks: [],
    volumes: [],
    configs: [],
    secrets: [],
    nodes: [NODE],
  };
}

export function desiredService(spec: ServiceSpec): DesiredService {
  return { name: spec.Name, spec, taskHash: "task-hash" };
}

/** The desired environment the workspace fixture belongs to. */
export function desiredEnvironment(
  spec: ServiceSpec = desiredWorkspaceSpec(),
  name = ENV,
): DesiredEnvironment {
  return {
    name,
    labels: LABELS,
    images: [],
    networks: [
      {
        name: `${name}_default`,
        spec: {
          Name: `${name}_default`,
          Driver: "overlay",
          Attachable: true,
          Labels: LABELS,
        },
      },
    ],
    volumes: [{ name: `${name}_home`, driver: "local", labels: LABELS }],
    configs: [
      {
        name: `${name}_motd-1a2b3c4d`,
        data: Buffer.from("welcome\n").toString("base64"),
        labels: LABELS,
      },
    ],
    services: [desiredService(spec)],
    access: [],
    specHash: "9c1d0e5f7a3b2c4d",
  };
}
