/**
 * Capacity in use on each node: what the tasks placed on it reserve, set
 * against what the node has. This is what Swarm's scheduler compares when
 * it places a task, so a node near 100% takes no more environments.
 */
import type { LiveNode, LiveTask } from "../swarm/live-types.js";

export interface NodeUsage {
  id: string;
  hostname: string;
  role: LiveNode["role"];
  state: string;
  availability: string;
  tasks: number;
  cpus: { reserved: number; total: number };
  memoryBytes: { reserved: number; total: number };
}

/** Usage of every node, sorted by host name. */
export function nodeUsage(
  nodes: readonly LiveNode[],
  tasks: readonly LiveTask[],
): NodeUsage[] {
  return nodes
    .map((node) => usageOf(node, placedOn(node, tasks)))
    .sort((a, b) => a.hostname.localeCompare(b.hostname));
}

function placedOn(node: LiveNode, tasks: readonly LiveTask[]): LiveTask[] {
  return tasks.filter(
    (task) => task.nodeId === node.id && task.desiredState === "running",
  );
}

function usageOf(node: LiveNode, tasks: LiveTask[]): NodeUsage {
  const sum = (pick: (t: LiveTask) => number) =>
    tasks.reduce((total, task) => total + pick(task), 0);
  return {
    id: node.id,
    hostname: node.hostname,
    role: node.role,
    state: node.state,
    availability: node.availability,
    tasks: tasks.length,
    cpus: {
      reserved: sum((t) => t.reserved?.nanoCpus ?? 0) / 1e9,
      total: node.nanoCpus / 1e9,
    },
    memoryBytes: {
      reserved: sum((t) => t.reserved?.memoryBytes ?? 0),
      total: node.memoryBytes,
    },
  };
}
