/**
 * Maps the Engine API's answers onto Berth's live-state types. Pure.
 */
import type {
  EngineConfig,
  EngineNetwork,
  EngineNode,
  EngineService,
  EngineTask,
  EngineVolume,
} from "./engine-types.js";
import type {
  LiveConfig,
  LiveNetwork,
  LiveNode,
  LiveService,
  LiveTask,
  LiveVolume,
} from "./live-types.js";

/** Maps one service as `GET /services` returns it. */
export function toLiveService(service: EngineService): LiveService {
  return {
    id: service.ID,
    version: service.Version.Index,
    name: service.Spec.Name,
    spec: service.Spec,
    ...optional("previousSpec", service.PreviousSpec),
    ...optional("updateState", service.UpdateStatus?.State),
    ...optional("updateMessage", service.UpdateStatus?.Message),
    ...optional("updateStartedAt", service.UpdateStatus?.StartedAt),
    ...optional("createdAt", service.CreatedAt),
    ...optional("updatedAt", service.UpdatedAt),
  };
}

/** Maps one network as `GET /networks` returns it. */
export function toLiveNetwork(network: EngineNetwork): LiveNetwork {
  return { id: network.Id, name: network.Name, labels: network.Labels ?? {} };
}

/** Maps one volume as `GET /volumes` returns it. */
export function toLiveVolume(volume: EngineVolume): LiveVolume {
  return {
    name: volume.Name,
    driver: volume.Driver,
    labels: volume.Labels ?? {},
  };
}

/** Maps one config or secret as `GET /configs` or `/secrets` returns it. */
export function toLiveConfig(config: EngineConfig): LiveConfig {
  return {
    id: config.ID,
    name: config.Spec.Name,
    labels: config.Spec.Labels ?? {},
    ...optional("createdAt", config.CreatedAt),
  };
}

/** Maps one node as `GET /nodes` returns it. */
export function toLiveNode(node: EngineNode): LiveNode {
  const resources = node.Description?.Resources ?? {};

  return {
    id: node.ID,
    hostname: node.Description?.Hostname ?? node.ID,
    role: node.Spec.Role === "manager" ? "manager" : "worker",
    availability: node.Spec.Availability ?? "active",
    state: node.Status?.State ?? "unknown",
    nanoCpus: resources.NanoCPUs ?? 0,
    memoryBytes: resources.MemoryBytes ?? 0,
    labels: node.Spec.Labels ?? {},
    ...optional("address", node.Status?.Addr),
  };
}

/** Maps one task as `GET /tasks` returns it. */
export function toLiveTask(task: EngineTask): LiveTask {
  const container = task.Status.ContainerStatus ?? {};

  return {
    id: task.ID,
    serviceId: task.ServiceID,
    desiredState: task.DesiredState,
    state: task.Status.State,
    message: task.Status.Message ?? "",
    createdAt: task.CreatedAt,
    ...optional("nodeId", task.NodeID || undefined),
    ...optional("error", task.Status.Err || undefined),
    ...optional("containerId", container.ContainerID || undefined),
    ...optional("exitCode", container.ExitCode),
    ...optional("slot", task.Slot),
    ...optional("updatedAt", task.UpdatedAt),
    ...optional("reserved", reservationsOf(task)),
  };
}

function reservationsOf(task: EngineTask): LiveTask["reserved"] {
  const reserved = task.Spec?.Resources?.Reservations;
  if (!reserved?.NanoCPUs && !reserved?.MemoryBytes) return undefined;
  return {
    nanoCpus: reserved.NanoCPUs ?? 0,
    memoryBytes: reserved.MemoryBytes ?? 0,
  };
}

function optional<K extends string, V>(
  key: K,
  value: V | undefined,
): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
