/**
 * The gateway's settings, read from the environment: its name, the host
 * ports it listens on, the domain of its URLs, TLS and SSH.
 */
import type { PortRange } from "../engine/allocate-ports.js";

export interface GatewaySettings {
  /** Service name; its network, auth service and objects derive from it. */
  name: string;
  httpPort: number;
  httpsPort: number;
  /** Host names are `<port>--<env>.<domain>`; `localhost` uses paths. */
  domain: string;
  /** Redirect HTTP to HTTPS. */
  tls: boolean;
  /** PEM files of the certificate and key; self-signed when absent. */
  tlsCertFile?: string;
  tlsKeyFile?: string;
}

/** A setting has a value Berth cannot use; the message says the fix. */
export class SettingsError extends Error {
  override name = "SettingsError";
}

export const DEFAULT_GATEWAY_NAME = "berth-gateway";
export const DEFAULT_SSH_PORTS: PortRange = { first: 30000, last: 30999 };

/**
 * Reads the gateway's settings from `env`.
 * @throws SettingsError naming the variable that is wrong and how to fix it.
 */
export function gatewaySettings(
  env: NodeJS.ProcessEnv = process.env,
): GatewaySettings {
  const cert = env.BERTH_TLS_CERT;
  const key = env.BERTH_TLS_KEY;
  if (!cert !== !key) {
    throw new SettingsError(
      "set both BERTH_TLS_CERT and BERTH_TLS_KEY (PEM files), or neither " +
        "for a self-signed certificate",
    );
  }
  return {
    name: gatewayName(env),
    httpPort: portOf(env, "BERTH_GATEWAY_HTTP_PORT", 80),
    httpsPort: portOf(env, "BERTH_GATEWAY_HTTPS_PORT", 443),
    domain: domainOf(env.BERTH_GATEWAY_DOMAIN ?? "localhost"),
    tls: switchOf(env, "BERTH_GATEWAY_TLS", true),
    ...(cert && key ? { tlsCertFile: cert, tlsKeyFile: key } : {}),
  };
}

/** The gateway's service name: `BERTH_GATEWAY_NAME` or `berth-gateway`. */
export function gatewayName(env: NodeJS.ProcessEnv = process.env): string {
  const name = env.BERTH_GATEWAY_NAME ?? DEFAULT_GATEWAY_NAME;
  if (!/^[a-z][a-z0-9-]{0,40}$/.test(name)) {
    throw new SettingsError(
      `BERTH_GATEWAY_NAME ${JSON.stringify(name)} is not a valid name; ` +
        "use lowercase letters, digits and hyphens, e.g. berth-gateway",
    );
  }
  return name;
}

/** The host ports SSH routes are taken from: `BERTH_SSH_PORTS`. */
export function sshPortRange(env: NodeJS.ProcessEnv = process.env): PortRange {
  const text = env.BERTH_SSH_PORTS;
  if (text === undefined) return DEFAULT_SSH_PORTS;
  const match = /^(\d+)-(\d+)$/.exec(text.trim());
  const first = Number(match?.[1]);
  const last = Number(match?.[2]);
  if (!match || first < 1 || last > 65535 || first > last) {
    throw new SettingsError(
      `BERTH_SSH_PORTS ${JSON.stringify(text)} is not a port range; ` +
        "write FIRST-LAST, e.g. 30000-30999",
    );
  }
  return { first, last };
}

function portOf(env: NodeJS.ProcessEnv, name: string, fallback: number) {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new SettingsError(`${name} must be a port number, not ${text}`);
  }
  return port;
}

function switchOf(env: NodeJS.ProcessEnv, name: string, fallback: boolean) {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  if (["on", "true", "1"].includes(text)) return true;
  if (["off", "false", "0"].includes(text)) return false;
  throw new SettingsError(`${name} must be on or off, not ${text}`);
}

function domainOf(domain: string): string {
  const label = "[a-z0-9]([a-z0-9-]*[a-z0-9])?";
  if (!new RegExp(`^${label}(\\.${label})*$`).test(domain)) {
    throw new SettingsError(
      `BERTH_GATEWAY_DOMAIN ${JSON.stringify(domain)} is not a domain ` +
        "name; use lowercase labels, e.g. dev.example.com",
    );
  }
  return domain;
}
