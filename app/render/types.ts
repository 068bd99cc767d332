/**
 * The Swarm objects Berth owns for one environment, as rendering produces
 * them: specs in the Docker Engine API's JSON shape, named deterministically.
 * The planner compares these with the live objects; the applier creates them.
 */
import type { ServiceSpec, NetworkCreateRequest } from "../swarm/spec-types.js";

export interface DesiredNetwork {
  name: string;
  spec: NetworkCreateRequest;
}

export interface DesiredVolume {
  name: string;
  driver: string;
  labels: Record<string, string>;
  /** Node hostname the volume is pinned to, when placement pins it. */
  node?: string;
}

export interface DesiredConfig {
  /** Content-hashed, so a change of content gives a new object. */
  name: string;
  /** Base64 of the content, as the Engine API takes it. */
  data: string;
  labels: Record<string, string>;
}

/** An image to build before services that use it are created. */
export interface DesiredImage {
  /** Reference including the content hash, e.g. `berth/node-workspace:ab12`. */
  ref: string;
  contextDir: string;
  dockerfile: string;
  buildArgs: Record<string, string>;
}

export interface DesiredService {
  name: string;
  spec: ServiceSpec;
  /** Hash of the spec without labels: a change here restarts tasks. */
  taskHash: string;
}

export interface AccessUrl {
  name: string;
  service: string;
  port: number;
  /** Host port published in host mode (until the gateway routes it). */
  publishedPort: number;
  /** What the port speaks, from the template: http, or raw tcp. */
  protocol: "http" | "tcp";
}

export interface DesiredEnvironment {
  name: string;
  /** Labels carried by every object of the environment. */
  labels: Record<string, string>;
  images: DesiredImage[];
  networks: DesiredNetwork[];
  volumes: DesiredVolume[];
  configs: DesiredConfig[];
  services: DesiredService[];
  access: AccessUrl[];
  /** Stable over key order, env order and line endings of the inputs. */
  specHash: string;
}
