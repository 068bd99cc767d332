/**
 * The shapes of the Engine API's answers that the adapter reads, reduced
 * to the fields Berth uses (API version 1.41).
 */
import type { Labels, ServiceSpec } from "./spec-types.js";

export interface EngineService {
  ID: string;
  Version: { Index: number };
  CreatedAt?: string;
  UpdatedAt?: string;
  Spec: ServiceSpec;
  PreviousSpec?: ServiceSpec;
  UpdateStatus?: { State?: string; Message?: string; StartedAt?: string };
}

export interface EngineNetwork {
  Id: string;
  Name: string;
  Labels?: Labels | null;
}

export interface EngineVolume {
  Name: string;
  Driver: string;
  Labels?: Labels | null;
}

export interface EngineVolumeList {
  Volumes?: EngineVolume[] | null;
}

export interface EngineConfig {
  ID: string;
  CreatedAt?: string;
  Spec: { Name: string; Labels?: Labels | null };
}

export interface EngineNode {
  ID: string;
  Spec: { Role?: string; Availability?: string; Labels?: Labels | null };
  Description?: {
    Hostname?: string;
    Resources?: { NanoCPUs?: number; MemoryBytes?: number };
  };
  Status?: { State?: string; Addr?: string };
}

export interface EngineTask {
  ID: string;
  ServiceID: string;
  NodeID?: string;
  Slot?: number;
  DesiredState: string;
  CreatedAt: string;
  UpdatedAt?: string;
  Spec?: {
    Resources?: {
      Reservations?: { NanoCPUs?: number; MemoryBytes?: number };
    };
  };
  Status: {
    State: string;
    Message?: string;
    Err?: string;
    ContainerStatus?: { ContainerID?: string; ExitCode?: number };
  };
}

export interface EngineImage {
  RepoTags?: string[] | null;
}
