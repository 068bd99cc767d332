import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Alias,
  type LineCounter,
  type ParsedNode,
} from "yaml";
import type { LoadedYaml, Position, YamlPath } from "./yaml-load.js";
import { scalarKeyText } from "./yaml-path.js";

interface Step {
  node: ParsedNode | null;
  key?: ParsedNode;
}

interface Walk {
  reached: Step;
  complete: boolean;
}

type Locator = Pick<LoadedYaml, "locate" | "locateKey" | "sourceText">;

/**
 * Maps paths of keys and indices to places in the source. A path that does
 * not exist resolves to its nearest existing parent; aliases are followed
 * to their anchors.
 */
export function createLocator(
  root: ParsedNode | null,
  aliasTargets: ReadonlyMap<Alias, ParsedNode>,
  lineCounter: LineCounter,
  text: string,
): Locator {
  const at = (offset: number): Position => {
    const place = lineCounter.linePos(offset);
    return { line: place.line, column: place.col };
  };
  const resolve = (node: ParsedNode | null) =>
    node && isAlias(node) ? (aliasTargets.get(node) ?? null) : node;
  const walk = (path: YamlPath) => followPath(root, path, resolve);

  return {
    locate: (path) => at(valueOffset(walk(path).reached)),
    locateKey: (path) => {
      const { reached } = walk(path);
      return at(reached.key ? reached.key.range[0] : valueOffset(reached));
    },
    sourceText: (path) => {
      const { reached, complete } = walk(path);
      const node = resolve(reached.node);
      if (!complete || !node || !isScalar(node)) return undefined;
      return text.slice(node.range[0], node.range[1]);
    },
  };
}

function followPath(
  root: ParsedNode | null,
  path: YamlPath,
  resolve: (node: ParsedNode | null) => ParsedNode | null,
): Walk {
  let reached: Step = { node: root };
  for (const segment of path) {
    const next = childStep(resolve(reached.node), segment);
    if (!next) return { reached, complete: false };
    reached = next;
  }
  return { reached, complete: true };
}

function childStep(
  container: ParsedNode | null,
  segment: string | number,
): Step | undefined {
  if (isMap(container)) {
    const wanted = String(segment);
    const pair = container.items.find(
      (item) => isScalar(item.key) && scalarKeyText(item.key.value) === wanted,
    );
    return pair ? { node: pair.value, key: pair.key } : undefined;
  }
  if (isSeq(container) && /^\d+$/.test(String(segment))) {
    const item: unknown = container.items[Number(segment)];
    if (item === undefined || isPair(item)) return undefined;
    return { node: item as ParsedNode };
  }
  return undefined;
}

/** Where a value starts; an empty value is shown at its key. */
function valueOffset(step: Step): number {
  const node = step.node;
  const empty =
    !node ||
    (isScalar(node) && node.value === null && node.range[0] === node.range[1]);
  if (empty) return step.key?.range[0] ?? 0;
  return node.range[0];
}
