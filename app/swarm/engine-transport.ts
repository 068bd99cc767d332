/**
 * One door to the Docker Engine API: every request, whether sent through
 * `request` here or through dockerode (image builds), is counted and
 * timed, and fails with a typed Swarm error.
 */
import Docker from "dockerode";
import {
  describeEndpoint,
  resolveConnection,
  type ConnectionOptions,
  type ModemOptions,
} from "./connection.js";
import { translateDockerError } from "./translate-error.js";
import { startDockerRequestTimer } from "../observe/docker-api-metrics.js";

type Query = Record<string, unknown>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
}

interface DialOptions {
  path: string;
  method: string;
  options?: unknown;
  statusCodes: Record<number, boolean | string>;
}

interface Modem {
  dial(options: DialOptions, callback: DialCallback): void;
}

type DialCallback = (error: unknown, data: unknown) => void;

const SUCCESS = { 200: true, 201: true, 204: true, 304: true };

export interface TransportOptions extends ConnectionOptions {
  /** Milliseconds to wait for the Engine's answer to start; default 60 s. */
  timeoutMs?: number;
}

/** Counts, sends and translates requests to one Docker Engine. */
export class EngineTransport {
  readonly docker: Docker;
  readonly endpoint: string;
  #calls = 0;

  constructor(options: TransportOptions = {}) {
    const modemOptions = resolveConnection(options);
    this.endpoint = describeEndpoint(modemOptions);
    this.docker = new Docker(dockerOptions(modemOptions));
    this.#setTimeout(options.timeoutMs ?? 60_000);
    this.#countDials();
  }

  /** Engine API requests made so far, streams and builds included. */
  get calls(): number {
    return this.#calls;
  }

  /**
   * Sends one request and resolves with the parsed JSON answer.
   * @throws SwarmError subclasses; never a raw modem error.
   */
  async request<T>(
    method: "GET" | "POST" | "PUT" | "DELETE",
    path: string,
    action: string,
    options: RequestOptions = {},
  ): Promise<T> {
    const dial: DialOptions = {
      path: `${path}?`,
      method,
      options: dialPayload(options),
      statusCodes: SUCCESS,
    };

    return (await this.#dial(dial, action)) as T;
  }

  /** Translates an error thrown by a dockerode call made on `docker`. */
  translate(error: unknown, action: string): Error {
    return translateDockerError(error, action, this.endpoint);
  }

  #dial(options: DialOptions, action: string): Promise<unknown> {
    const modem = this.docker.modem as unknown as Modem;

    return new Promise((resolve, reject) => {
      modem.dial(options, (error, data) => {
        if (error) {
          reject(this.translate(error, action));
          return;
        }
        resolve(data);
      });
    });
  }

  #setTimeout(timeoutMs: number): void {
    const modem = this.docker.modem as unknown as {
      connectionTimeout?: number;
    };
    modem.connectionTimeout = timeoutMs;
  }

  #countDials(): void {
    const modem = this.docker.modem as unknown as Modem;
    const dial = modem.dial.bind(modem);

    modem.dial = (options, callback) => {
      this.#calls += 1;
      if (typeof callback !== "function") return dial(options, callback);
      const done = startDockerRequestTimer(options.method, options.path);
      dial(options, (error, data) => {
        done(error);
        callback(error, data);
      });
    };
  }
}

/**
 * Explicit options replace whatever `DOCKER_HOST` says; without them
 * docker-modem follows `DOCKER_HOST` and its TLS settings itself.
 */
function dockerOptions(modem: ModemOptions): Docker.DockerOptions {
  const { dockerHost, ...explicit } = modem;

  if (dockerHost) {
    return explicit;
  }

  return { host: undefined, socketPath: undefined, ...explicit };
}

function dialPayload(options: RequestOptions): unknown {
  const query = options.query ?? {};

  if (options.body === undefined) {
    return query;
  }

  return { _query: query, _body: options.body };
}
