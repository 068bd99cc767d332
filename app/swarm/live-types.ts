/**
 * What the Swarm adapter reports of the live cluster. Only objects that
 * carry Berth's `dev.berth.environment` label are listed, with one API
 * call per kind of object.
 */
import type { Labels, ServiceSpec } from "./spec-types.js";

export interface LiveService {
  id: string;
  /** Swarm object version; an update must carry it. */
  version: number;
  name: string;
  spec: ServiceSpec;
  /** Spec before the last update, when Docker kept it (for rollback). */
  previousSpec?: ServiceSpec;
  updateState?: string;
  updateMessage?: string;
  /** When Swarm started the last rolling update (ISO 8601). */
  updateStartedAt?: string;
  /** When the service was created (ISO 8601). */
  createdAt?: string;
  /** When the service was last created or updated (ISO 8601). */
  updatedAt?: string;
}

export interface LiveNetwork {
  id: string;
  name: string;
  labels: Labels;
}

export interface LiveVolume {
  name: string;
  driver: string;
  labels: Labels;
}

export interface LiveConfig {
  id: string;
  name: string;
  labels: Labels;
  createdAt?: string;
}

export interface LiveNode {
  id: string;
  hostname: string;
  role: "manager" | "worker";
  availability: string;
  state: string;
  nanoCpus: number;
  memoryBytes: number;
  labels: Labels;
  /** Address other nodes and users reach the node at. */
  address?: string;
}

export interface LiveTask {
  id: string;
  serviceId: string;
  nodeId?: string;
  desiredState: string;
  state: string;
  message: string;
  error?: string;
  containerId?: string;
  createdAt: string;
  updatedAt?: string;
  exitCode?: number;
  /** Replica slot of a replicated service's task. */
  slot?: number;
  /** CPU (in billionths) and memory the task reserves on its node. */
  reserved?: { nanoCpus: number; memoryBytes: number };
}

export interface LiveState {
  services: LiveService[];
  networks: LiveNetwork[];
  volumes: LiveVolume[];
  configs: LiveConfig[];
  secrets: LiveConfig[];
  nodes: LiveNode[];
}
