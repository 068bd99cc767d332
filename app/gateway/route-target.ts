/**
 * Where a request through the gateway goes: the environment and access
 * port named by its host (`<port>--<env>.<domain>`) or, on the bare
 * domain, by its path (`/e/<env>/<port>/`). Pure; shared by the auth
 * server and the URLs Berth prints.
 */

export interface RouteTarget {
  environment: string;
  port: string;
  /** `host` for `<port>--<env>.<domain>`, `path` for `/e/<env>/<port>/`. */
  form: "host" | "path";
}

const LABEL = "[a-z0-9]+(?:-[a-z0-9]+)*";
const HOST_FORM = new RegExp(`^(${LABEL})--(${LABEL})$`);
const PATH_FORM = new RegExp(`^/e/(${LABEL})/(${LABEL})(?:/|$)`);

/**
 * The target of a request for `host` (without port) and raw request URI
 * on gateway domain `domain`; undefined when it names none.
 */
export function routeTarget(
  host: string,
  uri: string,
  domain: string,
): RouteTarget | undefined {
  const name = host.toLowerCase();
  if (name === domain) {
    const match = PATH_FORM.exec(uri);
    if (!match) return undefined;
    return { environment: match[1]!, port: match[2]!, form: "path" };
  }
  const suffix = `.${domain}`;
  if (!name.endsWith(suffix)) return undefined;
  const match = HOST_FORM.exec(name.slice(0, -suffix.length));
  if (!match) return undefined;
  return { environment: match[2]!, port: match[1]!, form: "host" };
}

/** Base URL of the gateway: scheme, domain, and port when not default. */
export interface GatewayAddress {
  domain: string;
  tls: boolean;
  httpPort: number;
  httpsPort: number;
}

/**
 * The URL of access port `port` of `environment`: the host form on a
 * real domain, the path form on `localhost`, which has no wildcard DNS
 * everywhere.
 */
export function gatewayUrl(
  address: GatewayAddress,
  environment: string,
  port: string,
): string {
  const scheme = address.tls ? "https" : "http";
  const number = address.tls ? address.httpsPort : address.httpPort;
  const standard = number === (address.tls ? 443 : 80);
  const suffix = standard ? "" : `:${number}`;
  if (address.domain === "localhost") {
    return `${scheme}://localhost${suffix}/e/${environment}/${port}/`;
  }
  return `${scheme}://${port}--${environment}.${address.domain}${suffix}/`;
}
