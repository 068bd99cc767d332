import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  type Alias,
  type Pair,
  type ParsedNode,
  type Scalar,
  type YAMLMap,
} from "yaml";
import type { FindingDraft } from "./make-finding.js";
import { formatYamlPath, scalarKeyText } from "./yaml-path.js";
import type { YamlLimits } from "./yaml-load.js";

/** Deeper nesting than this is refused before anything recurses into it. */
export const MAX_YAML_DEPTH = 64;

/** Every node an alias expands to counts against this, per allowed alias. */
const NODES_PER_ALIAS = 100;

const CORE_TAGS = new Set(
  ["str", "int", "float", "bool", "null", "map", "seq"].map(
    (name) => `tag:yaml.org,2002:${name}`,
  ),
);

/** A problem found in the tree, at a source offset. */
export interface TreeProblem {
  offset: number;
  draft: FindingDraft;
}

/** What inspection learned: problems, and where each alias points. */
export interface Inspection {
  problems: TreeProblem[];
  aliasTargets: Map<Alias, ParsedNode>;
}

interface Size {
  nodes: number;
  aliases: number;
}

type Path = (string | number)[];

/**
 * Walks a parsed document once, in source order, without expanding any
 * alias: refuses duplicate keys (compared by resolved value, so `8080` and
 * `"8080"` clash), merge keys, keys that are not scalars, tags outside the
 * core schema, dangling or self-containing aliases, nesting deeper than
 * {@link MAX_YAML_DEPTH}, and aliases whose expansion would exceed the
 * limits. Sizes of anchored nodes are computed once and reused, so an alias
 * bomb costs time proportional to its text.
 */
export function inspectYamlTree(
  root: ParsedNode | null,
  lineOf: (offset: number) => number,
  limits: YamlLimits,
): Inspection {
  const inspector = new TreeInspector(lineOf, limits);
  if (root) inspector.walk(root, []);
  return {
    problems: inspector.problems,
    aliasTargets: inspector.aliasTargets,
  };
}

class TreeInspector {
  readonly problems: TreeProblem[] = [];
  readonly aliasTargets = new Map<Alias, ParsedNode>();
  private readonly anchors = new Map<string, ParsedNode>();
  private readonly sizes = new Map<ParsedNode, Size>();
  private readonly open = new Set<ParsedNode>();
  private readonly expansion: Size = { nodes: 0, aliases: 0 };
  private expansionRefused = false;
  private depthRefused = false;

  constructor(
    private readonly lineOf: (offset: number) => number,
    private readonly limits: YamlLimits,
  ) {}

  walk(node: ParsedNode, path: Path): Size {
    if (path.length > MAX_YAML_DEPTH) return this.tooDeep(node);
    if (isAlias(node)) return this.walkAlias(node, path);

    if (node.anchor) this.anchors.set(node.anchor, node);
    this.checkTag(node, path);
    if (isScalar(node)) return this.remember(node, { nodes: 1, aliases: 0 });

    this.open.add(node);
    const size = isMap(node)
      ? this.walkMap(node, path)
      : this.walkItems(node.items, path);
    this.open.delete(node);
    return this.remember(node, size);
  }

  private walkItems(items: readonly unknown[], path: Path): Size {
    const total: Size = { nodes: 1, aliases: 0 };
    items.forEach((item, index) => {
      if (isPair(item)) {
        this.report(item.key as ParsedNode | null, path, {
          message: "a key: value pair directly inside [ ] is not supported",
          fix: "wrap the pair in braces: [{ key: value }]",
        });
        return;
      }
      add(total, this.walk(item as ParsedNode, [...path, index]));
    });
    return total;
  }

  private walkMap(map: YAMLMap.Parsed, path: Path): Size {
    const total: Size = { nodes: 1, aliases: 0 };
    const seen = new Map<string, Scalar.Parsed>();
    for (const pair of map.items) {
      const key = this.checkKey(pair, seen, path);
      if (key === undefined) continue;
      add(total, { nodes: 1, aliases: 0 });
      if (pair.value) add(total, this.walk(pair.value, [...path, key]));
    }
    return total;
  }

  /** Returns the key's text when it is usable, else reports why not. */
  private checkKey(
    pair: Pair<ParsedNode, ParsedNode | null>,
    seen: Map<string, Scalar.Parsed>,
    path: Path,
  ): string | undefined {
    const key = pair.key;
    if (!isScalar(key)) {
      this.report(key ?? pair.value, path, notScalarKey(isAlias(key)));
      return undefined;
    }
    if (key.type === "PLAIN" && key.value === "<<") {
      this.report(key, path, MERGE_KEY);
      return undefined;
    }

    const text = scalarKeyText(key.value);
    const first = seen.get(text);
    if (first) {
      this.report(key, [...path, text], this.duplicate(first, key, text));
      return undefined;
    }
    seen.set(text, key);
    this.checkTag(key, path);
    if (key.anchor) {
      this.anchors.set(key.anchor, key);
      this.sizes.set(key, { nodes: 1, aliases: 0 });
    }
    return text;
  }

  private walkAlias(alias: Alias.Parsed, path: Path): Size {
    const target = this.anchors.get(alias.source);
    if (!target) {
      this.report(alias, path, danglingAlias(alias.source));
      return { nodes: 1, aliases: 0 };
    }
    const size = this.sizes.get(target);
    if (this.open.has(target) || !size) {
      this.report(alias, path, selfAlias(alias.source));
      return { nodes: 1, aliases: 0 };
    }

    this.aliasTargets.set(alias, target);
    const expanded = { nodes: size.nodes, aliases: size.aliases + 1 };
    add(this.expansion, expanded);
    this.checkExpansion(alias, path);
    return expanded;
  }

  private checkExpansion(alias: Alias.Parsed, path: Path): void {
    const { maxAliases } = this.limits;
    const nodeLimit = maxAliases * NODES_PER_ALIAS;
    const over =
      this.expansion.aliases > maxAliases || this.expansion.nodes > nodeLimit;
    if (!over || this.expansionRefused) return;

    this.expansionRefused = true;
    this.report(alias, path, {
      message:
        `aliases expand too far: the limit is ${maxAliases} alias uses ` +
        `and ${nodeLimit} copied values, counting nested aliases`,
      found: `*${alias.source} pushing the expansion past the limit`,
      expected: `at most ${maxAliases} alias uses`,
      fix: "write the repeated values out instead of nesting aliases",
    });
  }

  private checkTag(node: ParsedNode, path: Path): void {
    const tag = node.tag;
    if (tag === undefined || CORE_TAGS.has(tag)) return;
    const shown = tag.replace("tag:yaml.org,2002:", "!!");
    this.report(node, path, {
      message: `the tag ${shown} is not supported`,
      found: shown,
      expected: "plain values, or the core tags !!str, !!int, !!bool",
      fix: `remove ${shown}; quote the value if it must stay text`,
    });
  }

  private duplicate(
    first: Scalar.Parsed,
    again: Scalar.Parsed,
    text: string,
  ): FindingDraft {
    const firstLine = this.lineOf(first.range[0]);
    const againLine = this.lineOf(again.range[0]);
    return {
      message:
        `duplicate key "${text}": first at line ${firstLine}, ` +
        `again at line ${againLine}`,
      found: `"${text}" twice in one mapping`,
      expected: "each key once per mapping",
      fix: "remove one of them, or merge their contents into one",
    };
  }

  private tooDeep(node: ParsedNode): Size {
    if (!this.depthRefused) {
      this.depthRefused = true;
      this.report(node, [], {
        message: `nested more than ${MAX_YAML_DEPTH} levels deep`,
        fix: "flatten the structure",
      });
    }
    return { nodes: 1, aliases: 0 };
  }

  private remember(node: ParsedNode, size: Size): Size {
    if (node.anchor) this.sizes.set(node, size);
    return size;
  }

  private report(
    node: ParsedNode | null | undefined,
    path: Path,
    draft: FindingDraft,
  ): void {
    const offset = node?.range[0] ?? 0;
    const where = formatYamlPath(path);
    this.problems.push({ offset, draft: { path: where, ...draft } });
  }
}

function add(total: Size, part: Size): void {
  total.nodes += part.nodes;
  total.aliases += part.aliases;
}

const MERGE_KEY: FindingDraft = {
  message: "merge keys (<<) are not supported",
  found: "<<",
  expected: "every key written out",
  fix: "write the keys out in this mapping instead of merging them with <<",
};

function notScalarKey(alias: boolean): FindingDraft {
  return alias
    ? {
        message: "an alias cannot be used as a key",
        fix: "write the key out",
      }
    : {
        message: "a key must be a single value, not a list or mapping",
        fix: "use a plain text key",
      };
}

function danglingAlias(name: string): FindingDraft {
  return {
    message: `alias *${name} refers to no anchor &${name} above it`,
    found: `*${name}`,
    expected: `an anchor &${name} earlier in the file`,
    fix: `define &${name} before using *${name}, or write the value out`,
  };
}

function selfAlias(name: string): FindingDraft {
  return {
    message: `alias *${name} refers to a value that contains it`,
    found: `*${name}`,
    expected: "an alias to a value that is complete above it",
    fix: "write the value out; a value cannot contain itself",
  };
}
