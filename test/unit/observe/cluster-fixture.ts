/**
 * A small live cluster for the dashboard's unit tests: one healthy
 * environment with every label Berth sets, one whose labels were written
 * by someone hostile, and one node with reservations.
 */
import { summarise } from "../../../app/engine/environment-status.js";
import type { ClusterView } from "../../../app/observe/cluster-view.js";
import type {
  LiveService,
  LiveState,
  LiveTask,
} from "../../../app/swarm/live-types.js";

export const HOSTILE = '<img src=x onerror="alert(1)">';

function service(
  id: string,
  name: string,
  labels: Record<string, string>,
  port: number,
): LiveService {
  return {
    id,
    version: 1,
    name,
    createdAt: "2026-12-01T10:00:00.000Z",
    updatedAt: "2026-12-03T10:00:00.000Z",
    spec: {
      Name: name,
      Labels: labels,
      TaskTemplate: { ContainerSpec: { Image: "x" } },
      Mode: { Replicated: { Replicas: 1 } },
      EndpointSpec: {
        Ports: [
          {
            Name: "app",
            Protocol: "tcp",
            TargetPort: 3000,
            PublishedPort: port,
            PublishMode: "host",
          },
        ],
      },
    },
  };
}

function task(serviceId: string, nanoCpus: number, memory: number): LiveTask {
  return {
    id: `t-${serviceId}`,
    serviceId,
    nodeId: "n1",
    desiredState: "running",
    state: "running",
    message: "started",
    createdAt: "2026-12-01T10:00:00.000Z",
    reserved: { nanoCpus, memoryBytes: memory },
  };
}

const live: LiveState = {
  services: [
    service(
      "s1",
      "payments-alice_workspace",
      {
        "dev.berth.environment": "payments-alice",
        "dev.berth.template": "node-postgres",
        "dev.berth.owners": "alice,acme/payments",
        "dev.berth.commit": "0123456789abcdef0123456789abcdef01234567",
        "dev.berth.pull-request": "42",
        "dev.berth.expires-after": "604800",
      },
      24493,
    ),
    service(
      "s2",
      "evil_workspace",
      {
        "dev.berth.environment": "evil",
        "dev.berth.template": HOSTILE,
        "dev.berth.owners": `${HOSTILE},javascript:alert(1)`,
        "dev.berth.commit": `"><script>alert(1)</script>`,
        "dev.berth.expires-after": "60",
      },
      24494,
    ),
  ],
  networks: [],
  volumes: [],
  configs: [],
  secrets: [],
  nodes: [
    {
      id: "n1",
      hostname: "node-1",
      role: "manager",
      availability: "active",
      state: "ready",
      nanoCpus: 4e9,
      memoryBytes: 8 * 1024 ** 3,
      labels: {},
    },
  ],
};

const tasks = [task("s1", 1e9, 2 * 1024 ** 3), task("s2", 5e8, 1024 ** 3)];

/** The cluster as `readClusterView` would return it. */
export const clusterView: ClusterView = {
  live,
  tasks,
  statuses: summarise(live, tasks),
  readAt: new Date("2026-12-04T08:00:00.000Z"),
};
