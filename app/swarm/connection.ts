/**
 * Where the Swarm adapter reaches the Docker Engine: an explicit socket or
 * host, else `DOCKER_HOST`, else the local socket.
 */
export const DEFAULT_SOCKET_PATH = "/var/run/docker.sock";

export interface ConnectionOptions {
  /** Unix socket of the engine; default `/var/run/docker.sock`. */
  socketPath?: string;
  /** Host name or address of an engine reached over TCP. */
  host?: string;
  port?: number;
  protocol?: "http" | "https";
  /** Engine API version to speak, e.g. `v1.41`. */
  version?: string;
}

export interface ModemOptions {
  socketPath?: string;
  host?: string;
  port?: number;
  protocol?: "http" | "https";
  version?: string;
}

/**
 * Resolves the options given to the adapter into docker-modem options.
 * Without a socket or host, `DOCKER_HOST` decides; without that, the local
 * socket.
 */
export function resolveConnection(
  options: ConnectionOptions,
  env: NodeJS.ProcessEnv = process.env,
): ModemOptions {
  const version = options.version ? { version: options.version } : {};

  if (options.host) {
    return {
      host: options.host,
      port: options.port ?? 2375,
      protocol: options.protocol ?? "http",
      ...version,
    };
  }

  if (options.socketPath) {
    return { socketPath: options.socketPath, ...version };
  }

  if (env.DOCKER_HOST) {
    return { ...parseDockerHost(env.DOCKER_HOST), ...version };
  }

  return { socketPath: DEFAULT_SOCKET_PATH, ...version };
}

/** Parses `unix:///path` or `tcp://host:port` as `DOCKER_HOST` holds it. */
export function parseDockerHost(value: string): ModemOptions {
  if (value.startsWith("unix://")) {
    return { socketPath: value.slice("unix://".length) || DEFAULT_SOCKET_PATH };
  }

  const url = new URL(value.includes("://") ? value : `tcp://${value}`);
  const tls = url.port === "2376" || process.env.DOCKER_TLS_VERIFY === "1";

  return {
    host: url.hostname,
    port: Number(url.port || (tls ? 2376 : 2375)),
    protocol: tls ? "https" : "http",
  };
}

/** Describes the endpoint for messages, e.g. `unix:///var/run/docker.sock`. */
export function describeEndpoint(modem: ModemOptions): string {
  if (modem.socketPath) {
    return `unix://${modem.socketPath}`;
  }

  return `${modem.protocol === "https" ? "https" : "tcp"}://${modem.host}:${
    modem.port
  }`;
}
