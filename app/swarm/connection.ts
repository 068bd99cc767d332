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

/** Options for docker-modem, or the `DOCKER_HOST` it should follow. */
export interface ModemOptions {
  socketPath?: string;
  host?: string;
  port?: number;
  protocol?: "http" | "https";
  version?: string;
  /** Set when docker-modem reads `DOCKER_HOST` (and TLS settings) itself. */
  dockerHost?: string;
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
    return { dockerHost: env.DOCKER_HOST, ...version };
  }

  return { socketPath: DEFAULT_SOCKET_PATH, ...version };
}

/** Describes the endpoint for messages, e.g. `unix:///var/run/docker.sock`. */
export function describeEndpoint(modem: ModemOptions): string {
  if (modem.dockerHost) {
    return modem.dockerHost;
  }

  if (modem.socketPath) {
    return `unix://${modem.socketPath}`;
  }

  const scheme = modem.protocol === "https" ? "https" : "tcp";
  return `${scheme}://${modem.host}:${modem.port}`;
}
