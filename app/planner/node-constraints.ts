/**
 * Evaluates the placement constraints Swarm understands on the nodes of
 * the live state, to tell on which nodes a service may run.
 */
import type { LiveNode } from "../swarm/live-types.js";

const CONSTRAINT = /^\s*([\w.-]+)\s*(==|!=)\s*(.*?)\s*$/;

/**
 * Nodes that satisfy every constraint. Constraints on attributes Berth
 * does not know (engine labels, platform) are taken as satisfied.
 */
export function nodesMatching(
  nodes: readonly LiveNode[],
  constraints: readonly string[],
): LiveNode[] {
  return nodes.filter((node) =>
    constraints.every((constraint) => satisfies(node, constraint)),
  );
}

function satisfies(node: LiveNode, constraint: string): boolean {
  const match = CONSTRAINT.exec(constraint);

  if (!match) {
    return true;
  }

  const [, attribute = "", operator, expected] = match;
  const actual = attributeOf(node, attribute);

  if (actual === null) {
    return true;
  }

  const equal = actual === expected;
  return operator === "==" ? equal : !equal;
}

/** The node's value of `attribute`; null when Berth cannot tell. */
function attributeOf(node: LiveNode, attribute: string): string | null {
  if (attribute === "node.hostname") return node.hostname;
  if (attribute === "node.id") return node.id;
  if (attribute === "node.role") return node.role;

  if (attribute.startsWith("node.labels.")) {
    return node.labels[attribute.slice("node.labels.".length)] ?? "";
  }

  return null;
}
