/**
 * The typed adapter to Docker Swarm: the only place Berth talks to the
 * Docker Engine. Every method translates Docker's errors into the classes
 * of `errors.ts`; removals are idempotent.
 */
import type { Logger } from "pino";
import { buildImage, type BuildImageOptions } from "./build-image.js";
import type { BuildResult } from "./build-image.js";
import { withConfigIds } from "./config-ids.js";
import { EngineTransport, type TransportOptions } from "./engine-transport.js";
import type {
  EngineConfig,
  EngineImage,
  EngineNetwork,
  EngineNode,
  EngineService,
  EngineTask,
  EngineVolumeList,
} from "./engine-types.js";
import { NotFoundError } from "./errors.js";
import { ENVIRONMENT_LABEL } from "./labels.js";
import * as map from "./live-mapping.js";
import type {
  LiveConfig,
  LiveNetwork,
  LiveService,
  LiveState,
  LiveTask,
} from "./live-types.js";
import { readServiceFile } from "./read-service-file.js";
import { updateWithRetry } from "./service-update.js";
import type {
  Labels,
  NetworkCreateRequest,
  ServiceSpec,
} from "./spec-types.js";
import { waitTasksGone, type WaitTasksGoneOptions } from "./wait-tasks-gone.js";

export interface SwarmClientOptions extends TransportOptions {
  /** Receives warnings such as retried updates; silent by default. */
  logger?: Logger;
  /** Further attempts after an "update out of sequence"; default 5. */
  updateRetries?: number;
}

/** Task filters as the Engine's `GET /tasks` takes them. */
export type TaskFilters = Partial<
  Record<
    "id" | "name" | "service" | "node" | "label" | "desired-state",
    string[]
  >
>;

export interface RemoveServiceOptions extends WaitTasksGoneOptions {
  /** Wait until the service's tasks have shut down. */
  waitForTasks?: boolean;
}

/** A volume to create. */
export interface VolumeToCreate {
  name: string;
  driver: string;
  labels: Labels;
}

/** A config or secret to create. */
export interface DataObjectToCreate {
  name: string;
  /** Base64 of the content. */
  data: string;
  labels: Labels;
}

const BERTH_OBJECTS: Record<string, unknown> = {
  filters: { label: [ENVIRONMENT_LABEL] },
};
const ALL_OBJECTS: Record<string, unknown> = {};

/** Talks to one Docker Engine that is a swarm manager. */
export class SwarmClient {
  readonly #api: EngineTransport;
  readonly #log: Logger | undefined;
  readonly #updateRetries: number;

  constructor(options: SwarmClientOptions = {}) {
    this.#api = new EngineTransport(options);
    this.#log = options.logger;
    this.#updateRetries = options.updateRetries ?? 5;
  }

  /** Engine API requests made by this client so far. */
  get apiCallCount(): number {
    return this.#api.calls;
  }

  /** Where the engine is reached, e.g. `unix:///var/run/docker.sock`. */
  get endpoint(): string {
    return this.#api.endpoint;
  }

  /**
   * Checks that the engine answers.
   * @throws DockerUnavailableError with how to start it.
   */
  async ping(): Promise<void> {
    await this.#api.request("GET", "/_ping", "reach the engine");
  }

  /**
   * Lists Berth's services, networks, volumes, configs and secrets (those
   * labelled `dev.berth.environment`) and all nodes: one request per kind,
   * whatever the number of environments.
   */
  async readLiveState(): Promise<LiveState> {
    const get = <T>(path: string, what: string, query = BERTH_OBJECTS) =>
      this.#api.request<T>("GET", path, `list ${what}`, { query });

    const [services, networks, volumes, configs, secrets, nodes] =
      await Promise.all([
        get<EngineService[]>("/services", "services"),
        get<EngineNetwork[]>("/networks", "networks"),
        get<EngineVolumeList>("/volumes", "volumes"),
        get<EngineConfig[]>("/configs", "configs"),
        get<EngineConfig[]>("/secrets", "secrets"),
        get<EngineNode[]>("/nodes", "nodes", ALL_OBJECTS),
      ]);

    return {
      services: services.map(map.toLiveService),
      networks: networks.map(map.toLiveNetwork),
      volumes: (volumes.Volumes ?? []).map(map.toLiveVolume),
      configs: configs.map(map.toLiveConfig),
      secrets: secrets.map(map.toLiveConfig),
      nodes: nodes.map(map.toLiveNode),
    };
  }

  /**
   * Lists tasks matching `filters` (service names or IDs, labels...).
   * @throws NotFoundError when a service named in `filters.service` does
   * not exist: the Engine refuses the whole request then.
   */
  async listTasks(filters: TaskFilters = {}): Promise<LiveTask[]> {
    const tasks = await this.#api.request<EngineTask[]>(
      "GET",
      "/tasks",
      "list tasks",
      { query: { filters } },
    );
    return tasks.map(map.toLiveTask);
  }

  /** Reads one service by ID or name; undefined when it does not exist. */
  async inspectService(idOrName: string): Promise<LiveService | undefined> {
    try {
      const service = await this.#api.request<EngineService>(
        "GET",
        `/services/${idOrName}`,
        `inspect service ${idOrName}`,
      );
      return map.toLiveService(service);
    } catch (error) {
      if (error instanceof NotFoundError) {
        return undefined;
      }
      throw error;
    }
  }

  /**
   * Creates a service; config references without an ID get one by name.
   * @returns the new service's ID.
   */
  async createService(spec: ServiceSpec): Promise<string> {
    const body = await withConfigIds(spec, (names) => this.#configIds(names));
    const created = await this.#api.request<{ ID: string }>(
      "POST",
      "/services/create",
      `create service ${spec.Name}`,
      { body },
    );
    return created.ID;
  }

  /**
   * Replaces the spec of `live` with `spec`, carrying the live version.
   * A stale version is retried after re-reading the service.
   */
  async updateService(live: LiveService, spec: ServiceSpec): Promise<void> {
    const body = await withConfigIds(spec, (names) => this.#configIds(names));

    await updateWithRetry({
      live,
      retries: this.#updateRetries,
      reread: (id) => this.inspectService(id),
      send: (current) => this.#sendUpdate(current, body),
      onRetry: (attempt) => this.#warnRetry(live.name, attempt),
    });
  }

  /** Puts a service back to the spec it had before its last update. */
  async rollbackService(live: LiveService): Promise<void> {
    await updateWithRetry({
      live,
      retries: this.#updateRetries,
      reread: (id) => this.inspectService(id),
      send: (current) => this.#sendUpdate(current, current.spec, "previous"),
      onRetry: (attempt) => this.#warnRetry(live.name, attempt),
    });
  }

  /** Removes a service; with `waitForTasks`, until its tasks are gone. */
  async removeService(
    idOrName: string,
    options: RemoveServiceOptions = {},
  ): Promise<void> {
    const live = options.waitForTasks
      ? await this.inspectService(idOrName)
      : undefined;

    await this.#remove(`/services/${idOrName}`, `remove service ${idOrName}`);

    if (live) {
      await waitTasksGone(live.name, () => this.#countTasks(live.id), options);
    }
  }

  /** Creates an overlay network; returns its ID. */
  async createNetwork(spec: NetworkCreateRequest): Promise<string> {
    const created = await this.#api.request<{ Id: string }>(
      "POST",
      "/networks/create",
      `create network ${spec.Name}`,
      { body: { ...spec, CheckDuplicate: true } },
    );
    return created.Id;
  }

  /** Reads one network by exact name; undefined when there is none. */
  async findNetwork(name: string): Promise<LiveNetwork | undefined> {
    const networks = await this.#api.request<EngineNetwork[]>(
      "GET",
      "/networks",
      `find network ${name}`,
      { query: { filters: { name: [name] } } },
    );
    const found = networks.find((network) => network.Name === name);
    return found && map.toLiveNetwork(found);
  }

  /** Lists configs or secrets carrying every label filter given. */
  async listDataObjects(
    kind: "configs" | "secrets",
    labels: string[],
  ): Promise<LiveConfig[]> {
    const objects = await this.#api.request<EngineConfig[]>(
      "GET",
      `/${kind}`,
      `list ${kind}`,
      { query: { filters: { label: labels } } },
    );
    return objects.map(map.toLiveConfig);
  }

  /**
   * Reads a file inside a running container of `service` on the engine
   * this client talks to, e.g. a secret a service mounts.
   * @throws NotFoundError when no container of the service runs here.
   */
  async readServiceFile(service: string, path: string): Promise<string> {
    return readServiceFile(this.#api, service, path);
  }

  /** Removes a network by ID or name. */
  async removeNetwork(idOrName: string): Promise<void> {
    await this.#remove(`/networks/${idOrName}`, `remove network ${idOrName}`);
  }

  /** Creates a volume on the engine this client talks to. */
  async createVolume(volume: VolumeToCreate): Promise<void> {
    await this.#api.request(
      "POST",
      "/volumes/create",
      `create volume ${volume.name}`,
      {
        body: {
          Name: volume.name,
          Driver: volume.driver,
          Labels: volume.labels,
        },
      },
    );
  }

  /** Removes a volume by name. */
  async removeVolume(name: string): Promise<void> {
    await this.#remove(`/volumes/${name}`, `remove volume ${name}`);
  }

  /** Creates a config; returns its ID. */
  async createConfig(config: DataObjectToCreate): Promise<string> {
    return this.#createData("configs", "config", config);
  }

  /** Removes a config by ID or name. */
  async removeConfig(idOrName: string): Promise<void> {
    await this.#remove(`/configs/${idOrName}`, `remove config ${idOrName}`);
  }

  /** Creates a secret; returns its ID. */
  async createSecret(secret: DataObjectToCreate): Promise<string> {
    return this.#createData("secrets", "secret", secret);
  }

  /** Removes a secret by ID or name. */
  async removeSecret(idOrName: string): Promise<void> {
    await this.#remove(`/secrets/${idOrName}`, `remove secret ${idOrName}`);
  }

  /** Tells whether the engine holds an image with this reference. */
  async imageExists(ref: string): Promise<boolean> {
    try {
      await this.#api.request("GET", `/images/${ref}/json`, `inspect ${ref}`);
      return true;
    } catch (error) {
      if (error instanceof NotFoundError) {
        return false;
      }
      throw error;
    }
  }

  /** Removes an image by reference; a missing image is no error. */
  async removeImage(ref: string): Promise<void> {
    await this.#remove(`/images/${ref}`, `remove image ${ref}`);
  }

  /** Every `name:tag` the engine holds, with one request. */
  async listImageRefs(): Promise<Set<string>> {
    const images = await this.#api.request<EngineImage[]>(
      "GET",
      "/images/json",
      "list images",
    );
    return new Set(images.flatMap((image) => image.RepoTags ?? []));
  }

  /**
   * Builds an image from a context directory, streaming its log lines.
   * @throws BuildError naming the failing step and its output.
   */
  async buildImage(options: BuildImageOptions): Promise<BuildResult> {
    return buildImage(this.#api, options);
  }

  async #sendUpdate(
    current: LiveService,
    spec: ServiceSpec,
    rollback?: "previous",
  ): Promise<void> {
    const query = { version: current.version, ...(rollback && { rollback }) };

    await this.#api.request(
      "POST",
      `/services/${current.id}/update`,
      `${rollback ? "roll back" : "update"} service ${current.name}`,
      { query, body: spec },
    );
  }

  async #createData(
    kind: "configs" | "secrets",
    what: string,
    object: DataObjectToCreate,
  ): Promise<string> {
    const created = await this.#api.request<{ ID: string }>(
      "POST",
      `/${kind}/create`,
      `create ${what} ${object.name}`,
      { body: { Name: object.name, Labels: object.labels, Data: object.data } },
    );
    return created.ID;
  }

  async #remove(path: string, action: string): Promise<void> {
    try {
      await this.#api.request("DELETE", path, action);
    } catch (error) {
      if (!(error instanceof NotFoundError)) {
        throw error;
      }
    }
  }

  async #configIds(names: string[]): Promise<Map<string, string>> {
    const configs = await this.#api.request<EngineConfig[]>(
      "GET",
      "/configs",
      "list configs",
      { query: { filters: { name: names } } },
    );
    return new Map(configs.map((config) => [config.Spec.Name, config.ID]));
  }

  /** Tasks of the service still known, plus its local containers. */
  async #countTasks(serviceId: string): Promise<number> {
    const [tasks, containers] = await Promise.all([
      this.#api.request<EngineTask[]>("GET", "/tasks", "list tasks"),
      this.#api.request<unknown[]>(
        "GET",
        "/containers/json",
        "list containers",
        {
          query: {
            all: true,
            filters: { label: [`com.docker.swarm.service.id=${serviceId}`] },
          },
        },
      ),
    ]);
    const own = tasks.filter((task) => task.ServiceID === serviceId);
    return own.length + containers.length;
  }

  #warnRetry(service: string, attempt: number): void {
    this.#log?.warn({ service, attempt }, "service update out of sequence");
  }
}
