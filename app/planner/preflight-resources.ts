/**
 * Pre-flight check of resource reservations: a task that reserves more
 * CPU or memory than any node it may run on has would stay pending
 * forever, so such a plan is refused up front.
 */
import type { Finding } from "../manifest/finding.js";
import type { DesiredService } from "../render/types.js";
import type { LiveNode } from "../swarm/live-types.js";
import { describeBytes } from "./describe-value.js";
import { nodesMatching } from "./node-constraints.js";

interface Capacity {
  path: string;
  what: string;
  reserved: (service: DesiredService) => number;
  capacity: (node: LiveNode) => number;
  describe: (amount: number) => string;
  more: string;
}

const CAPACITIES: Capacity[] = [
  {
    path: "spec.resources.memory",
    what: "memory",
    reserved: (s) => reservations(s).MemoryBytes ?? 0,
    capacity: (node) => node.memoryBytes,
    describe: describeBytes,
    more: "more memory",
  },
  {
    path: "spec.resources.cpus",
    what: "CPU",
    reserved: (s) => reservations(s).NanoCPUs ?? 0,
    capacity: (node) => node.nanoCpus,
    describe: (nanos) => `${nanos / 1e9} CPUs`,
    more: "more CPUs",
  },
];

/**
 * Findings for services whose reservations exceed the largest node they
 * may be placed on. Without any node in the live state nothing is said.
 */
export function checkReservations(
  services: readonly DesiredService[],
  nodes: readonly LiveNode[],
  file: string,
): Finding[] {
  const usable = usableNodes(nodes);

  if (usable.length === 0) {
    return [];
  }

  return services.flatMap((service) => checkService(service, usable, file));
}

function checkService(
  service: DesiredService,
  nodes: LiveNode[],
  file: string,
): Finding[] {
  const constraints = service.spec.TaskTemplate.Placement?.Constraints ?? [];
  const candidates = nodesMatching(nodes, constraints);

  if (candidates.length === 0) {
    return [noNodeFinding(service, constraints, file)];
  }

  return CAPACITIES.flatMap((capacity) => {
    const reserved = capacity.reserved(service);
    const largest = largestNode(candidates, capacity);

    if (reserved <= capacity.capacity(largest)) {
      return [];
    }

    return [tooLargeFinding(service, capacity, reserved, largest, file)];
  });
}

function tooLargeFinding(
  service: DesiredService,
  capacity: Capacity,
  reserved: number,
  node: LiveNode,
  file: string,
): Finding {
  const has = capacity.describe(capacity.capacity(node));
  const wants = capacity.describe(reserved);

  return {
    file,
    line: 1,
    column: 1,
    path: capacity.path,
    message:
      `service ${service.name} reserves ${wants} of ${capacity.what}, ` +
      `more than the largest node it can run on: ${node.hostname} ` +
      `has ${has}`,
    found: wants,
    expected: `at most ${has}`,
    fix:
      `lower ${capacity.path} to ${has} or less, or add a node with ` +
      `${capacity.more} to the cluster`,
    severity: "error",
  };
}

function noNodeFinding(
  service: DesiredService,
  constraints: readonly string[],
  file: string,
): Finding {
  return {
    file,
    line: 1,
    column: 1,
    path: "",
    message:
      `no ready node satisfies the placement constraints of service ` +
      `${service.name} (${constraints.join(", ")})`,
    fix: "check the node names and labels the template pins the service to",
    severity: "error",
  };
}

function usableNodes(nodes: readonly LiveNode[]): LiveNode[] {
  const ready = nodes.filter(
    (node) => node.state === "ready" && node.availability === "active",
  );
  return ready.length > 0 ? ready : [...nodes];
}

function largestNode(nodes: LiveNode[], capacity: Capacity): LiveNode {
  return nodes.reduce((best, node) =>
    capacity.capacity(node) > capacity.capacity(best) ? node : best,
  );
}

function reservations(service: DesiredService) {
  return service.spec.TaskTemplate.Resources?.Reservations ?? {};
}
