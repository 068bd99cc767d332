/**
 * Values that Docker fills into a service spec on its own when a field is
 * left out. A spec holding one of these says the same as one without it.
 */
const SECOND = 1_000_000_000;

const UPDATE_DEFAULTS = {
  Parallelism: 1,
  Delay: 0,
  FailureAction: "pause",
  Monitor: 5 * SECOND,
  MaxFailureRatio: 0,
  Order: "stop-first",
};

const RESOURCE_DEFAULTS = { NanoCPUs: 0, MemoryBytes: 0, Pids: 0 };

/** Default values by object path, e.g. `TaskTemplate.RestartPolicy`. */
export const SPEC_DEFAULTS: Readonly<Record<string, Record<string, unknown>>> =
  {
    TaskTemplate: { ForceUpdate: 0, Runtime: "container" },
    "TaskTemplate.ContainerSpec": {
      Isolation: "default",
      StopGracePeriod: 10 * SECOND,
      Init: false,
      TTY: false,
      OpenStdin: false,
      ReadOnly: false,
    },
    "TaskTemplate.ContainerSpec.Healthcheck": {
      Interval: 0,
      Timeout: 0,
      Retries: 0,
      StartPeriod: 0,
    },
    "TaskTemplate.RestartPolicy": {
      Condition: "any",
      Delay: 5 * SECOND,
      MaxAttempts: 0,
      Window: 0,
    },
    "TaskTemplate.Placement": { MaxReplicas: 0 },
    "TaskTemplate.Resources.Limits": RESOURCE_DEFAULTS,
    "TaskTemplate.Resources.Reservations": RESOURCE_DEFAULTS,
    UpdateConfig: UPDATE_DEFAULTS,
    RollbackConfig: UPDATE_DEFAULTS,
    EndpointSpec: { Mode: "vip" },
  };

/** Defaults of each entry of `TaskTemplate.ContainerSpec.Mounts`. */
export const MOUNT_DEFAULTS: Readonly<Record<string, unknown>> = {
  ReadOnly: false,
  Consistency: "default",
};

/** Replicas of a replicated service whose spec gives no count. */
export const DEFAULT_REPLICAS = 1;
