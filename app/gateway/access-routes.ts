/**
 * The gateway's route table, read from the live services: every service
 * labelled with the access ports the gateway routes to it. Pure.
 */
import { ENVIRONMENT_LABEL, GATEWAY_ACCESS_LABEL } from "../swarm/labels.js";
import type { LiveService } from "../swarm/live-types.js";
import type { RouteTable } from "./auth-server.js";

/** Routes by environment and access port name to `service:port`. */
export function routeTable(services: readonly LiveService[]): RouteTable {
  const routes: RouteTable = {};
  for (const service of services) {
    const labels = service.spec.Labels ?? {};
    const environment = labels[ENVIRONMENT_LABEL];
    const access = labels[GATEWAY_ACCESS_LABEL];
    if (!environment || !access) continue;
    for (const [name, port] of parseAccessLabel(access)) {
      routes[environment] ??= {};
      routes[environment][name] = `${service.name}:${port}`;
    }
  }
  return routes;
}

/** `app=3000,api=8080` to its pairs; malformed pairs are skipped. */
export function parseAccessLabel(text: string): [string, number][] {
  return text.split(",").flatMap((pair): [string, number][] => {
    const [name, port] = pair.split("=");
    const number = Number(port);
    return name && Number.isInteger(number) ? [[name, number]] : [];
  });
}

/** The label value for access ports `name -> port`. */
export function accessLabel(ports: readonly [string, number][]): string {
  return [...ports]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, port]) => `${name}=${port}`)
    .join(",");
}
