/**
 * The parts of the Docker Engine API's object specs that Berth writes and
 * reads, in the API's own JSON shape (API version 1.41). Rendering produces
 * them, the planner compares them, the Swarm adapter sends them.
 */
export type Labels = Record<string, string>;

export interface Mount {
  Type: "volume" | "tmpfs";
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
  VolumeOptions?: { Labels?: Labels; DriverConfig?: { Name?: string } };
}

export interface HealthConfig {
  Test?: string[];
  Interval?: number;
  Timeout?: number;
  Retries?: number;
  StartPeriod?: number;
}

export interface ConfigReference {
  File: { Name: string; UID: string; GID: string; Mode: number };
  ConfigID: string;
  ConfigName: string;
}

/** A secret mounted as a file under `/run/secrets/`. */
export interface SecretReference {
  File: { Name: string; UID: string; GID: string; Mode: number };
  SecretID: string;
  SecretName: string;
}

export interface ContainerSpec {
  Image: string;
  Labels?: Labels;
  Command?: string[];
  Args?: string[];
  Hostname?: string;
  Env?: string[];
  Dir?: string;
  User?: string;
  Mounts?: Mount[];
  StopGracePeriod?: number;
  Healthcheck?: HealthConfig;
  Configs?: ConfigReference[];
  Secrets?: SecretReference[];
  Init?: boolean;
  TTY?: boolean;
  OpenStdin?: boolean;
}

export interface Resources {
  NanoCPUs?: number;
  MemoryBytes?: number;
}

export interface TaskTemplate {
  ContainerSpec: ContainerSpec;
  Resources?: { Limits?: Resources; Reservations?: Resources };
  RestartPolicy?: {
    Condition?: "none" | "on-failure" | "any";
    Delay?: number;
    MaxAttempts?: number;
    Window?: number;
  };
  Placement?: { Constraints?: string[] };
  Networks?: { Target: string; Aliases?: string[] }[];
  ForceUpdate?: number;
}

export interface PortConfig {
  Name?: string;
  Protocol: "tcp" | "udp";
  TargetPort: number;
  PublishedPort?: number;
  PublishMode: "host" | "ingress";
}

export interface UpdateConfig {
  Parallelism?: number;
  Delay?: number;
  FailureAction?: "continue" | "pause" | "rollback";
  Monitor?: number;
  MaxFailureRatio?: number;
  Order?: "stop-first" | "start-first";
}

export interface ServiceSpec {
  Name: string;
  Labels?: Labels;
  TaskTemplate: TaskTemplate;
  Mode?: { Replicated?: { Replicas?: number } };
  UpdateConfig?: UpdateConfig;
  RollbackConfig?: UpdateConfig;
  EndpointSpec?: { Mode?: "vip" | "dnsrr"; Ports?: PortConfig[] };
}

export interface NetworkCreateRequest {
  Name: string;
  Driver: "overlay";
  Attachable: boolean;
  Labels: Labels;
}
