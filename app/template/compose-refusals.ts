/**
 * Compose keys Berth refuses, each with the reason and what to do
 * instead. Some are keys `docker stack deploy` silently ignores (a user
 * would think they work); others would let an environment reach the host.
 */
const IGNORED_BY_SWARM = "docker stack deploy ignores it";

/** Refused top-level keys. */
export const REFUSED_TOP_KEYS: Record<string, string> = {
  networks:
    "Berth gives every environment one network; remove networks, " +
    "services reach each other by service name",
  secrets: "Berth does not manage secrets; read them from configs or env",
  name: "the environment's name comes from its manifest; remove name",
  include: `${IGNORED_BY_SWARM}; put every service in this file`,
};

/** Refused service keys. */
export const REFUSED_SERVICE_KEYS: Record<string, string> = {
  depends_on:
    `${IGNORED_BY_SWARM}: services start in any order; ` +
    "let each service retry until what it needs answers",
  restart: `${IGNORED_BY_SWARM}; use deploy.restart_policy`,
  container_name: `${IGNORED_BY_SWARM}: Swarm names containers itself`,
  links: `${IGNORED_BY_SWARM}; services reach each other by service name`,
  external_links: `${IGNORED_BY_SWARM}; remove it`,
  volumes_from: `${IGNORED_BY_SWARM}; share a named volume instead`,
  expose: `${IGNORED_BY_SWARM}; every port is reachable inside the network`,
  env_file: "put the variables under environment instead",
  extends: `${IGNORED_BY_SWARM}; write the service out in full`,
  profiles: `${IGNORED_BY_SWARM}; remove it`,
  scale: "use deploy.replicas",
  platform: `${IGNORED_BY_SWARM}; remove it`,
  pull_policy: "Berth builds or loads every image itself; remove it",
  ports:
    "declare access ports in template.yaml; Berth publishes them on " +
    "the host",
  networks: "Berth gives every environment one network; remove networks",
  network_mode: "refused for safety: it lets a container use the host network",
  privileged: "refused for safety: a privileged container owns the host",
  cap_add: "refused for safety: extra capabilities reach into the host",
  cap_drop: "Berth does not set capabilities; remove it",
  devices: "refused for safety: host devices are not given to environments",
  pid: "refused for safety: it shares the host's process namespace",
  ipc: "refused for safety: it shares another IPC namespace",
  security_opt: "refused for safety: it can switch off confinement",
  userns_mode: "refused for safety: it can switch off user namespaces",
  cgroup_parent: "refused for safety: the cluster places containers",
  cgroupns_mode: "refused for safety: the cluster places containers",
  sysctls: "refused for safety: kernel settings are the cluster's",
  ulimits: "Berth does not set ulimits; remove it",
  oom_kill_disable: "refused for safety: it can starve the host",
  oom_score_adj: "refused for safety: it can starve the host",
  dns: "Berth manages name resolution; remove it",
  dns_search: "Berth manages name resolution; remove it",
  dns_opt: "Berth manages name resolution; remove it",
  extra_hosts: "Berth manages name resolution; remove it",
  domainname: "Berth manages name resolution; remove it",
  mac_address: "Berth manages the network; remove it",
  logging: "environments use the cluster's logging driver; remove it",
  secrets: "Berth does not manage secrets; read them from configs or env",
  stop_signal: "Berth stops containers with SIGTERM; handle that signal",
  read_only: "Berth does not set read-only root filesystems; remove it",
  tmpfs: "use a volumes entry with type: tmpfs",
  shm_size: "Berth does not set shm_size; remove it",
  isolation: "Windows only; remove it",
  credential_spec: "Windows only; remove it",
  mem_limit: "use deploy.resources.limits.memory",
  memswap_limit: "use deploy.resources.limits.memory",
  mem_reservation: "use deploy.resources.reservations.memory",
  cpus: "use deploy.resources.limits.cpus",
  cpu_shares: "use deploy.resources.limits.cpus",
  cpu_quota: "use deploy.resources.limits.cpus",
  cpu_period: "use deploy.resources.limits.cpus",
  cpuset: "use deploy.resources.limits.cpus",
  blkio_config: "Berth does not set block I/O limits; remove it",
  group_add: "add the user to groups in the image instead",
  storage_opt: "Berth does not set storage options; remove it",
  runtime: "the cluster chooses the runtime; remove it",
};

/** Refused keys of `deploy`. */
export const REFUSED_DEPLOY_KEYS: Record<string, string> = {
  mode: "Berth runs replicated services; set deploy.replicas",
};

/** Refused keys of a top-level volume. */
export const REFUSED_VOLUME_KEYS: Record<string, string> = {
  external: "an environment owns all its volumes; remove external",
  name: "Berth names volumes after the environment; remove name",
  driver_opts:
    "refused for safety: driver options can mount host paths; remove them",
};

/** Refused keys of a top-level config. */
export const REFUSED_CONFIG_KEYS: Record<string, string> = {
  external: "an environment owns all its configs; use file",
  name: "Berth names configs after the environment; remove name",
  template_driver: "Berth does not template configs; remove it",
  content: "docker stack deploy reads configs from files; use file",
  environment: "docker stack deploy reads configs from files; use file",
};

/** Refused keys of a long-syntax service volume. */
export const REFUSED_MOUNT_KEYS: Record<string, string> = {
  bind: "refused for safety: bind mounts reach the host's files",
  volume: "Berth sets no volume options; remove it",
  tmpfs: "Berth sets no tmpfs options; limit memory in deploy.resources",
  consistency: "Docker Desktop only; remove it",
};

/** Refused keys of `build`. */
export const REFUSED_BUILD_KEYS: Record<string, string> = {
  cache_from: "no registry is reachable for caches; remove it",
  network: "images build on the default build network; remove it",
  target: "Berth builds the last stage; give the stage its own Dockerfile",
  labels: "Berth labels images itself; remove it",
  shm_size: "Berth does not set build options; remove it",
  extra_hosts: "Berth does not set build options; remove it",
  isolation: "Windows only; remove it",
  secrets: "Berth does not pass build secrets; remove it",
  ssh: "Berth does not pass SSH agents to builds; remove it",
  platforms: "Berth builds for the cluster's platform; remove it",
};
