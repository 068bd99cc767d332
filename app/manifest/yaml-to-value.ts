import { isAlias, isMap, isScalar, type Alias, type ParsedNode } from "yaml";
import { scalarKeyText } from "./yaml-path.js";

/**
 * Converts an inspected tree into plain JavaScript values: objects, arrays,
 * strings, numbers, booleans and null. Keys become own properties even when
 * named `__proto__`. An alias yields the same value as its anchor; the tree
 * must have passed {@link inspectYamlTree}, which bounds the expansion and
 * rules out cycles.
 */
export function yamlTreeToValue(
  root: ParsedNode | null,
  aliasTargets: ReadonlyMap<Alias, ParsedNode>,
): unknown {
  const anchored = new Map<ParsedNode, unknown>();

  const convert = (node: ParsedNode | null): unknown => {
    if (node === null) return null;
    if (isAlias(node)) {
      const target = aliasTargets.get(node);
      return target ? convertOnce(target) : null;
    }
    if (isScalar(node)) return node.value;
    if (isMap(node)) return convertMap(node.items);
    return node.items.map((item) => convert(item as ParsedNode));
  };

  const convertOnce = (node: ParsedNode): unknown => {
    if (!anchored.has(node)) anchored.set(node, convert(node));
    return anchored.get(node);
  };

  const convertMap = (
    pairs: readonly { key: ParsedNode; value: ParsedNode | null }[],
  ): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    for (const pair of pairs) {
      const key = isScalar(pair.key) ? scalarKeyText(pair.key.value) : "";
      Object.defineProperty(result, key, {
        value: convert(pair.value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return result;
  };

  return convert(root);
}
