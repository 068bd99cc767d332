/**
 * The service spec Docker stores for a service, made comparable across
 * namespaces: network IDs become network names, config IDs are dropped,
 * the namespace is renamed, and the environment list becomes a map.
 */
import { docker } from "./docker.js";

export type Json =
  string | number | boolean | null | Json[] | { [key: string]: Json };

/** `docker service inspect` of `service`: its stored `Spec`. */
export function storedSpec(service: string): Json {
  const [inspected] = JSON.parse(docker("service", "inspect", service));
  return inspected.Spec;
}

/**
 * `spec` with IDs replaced by names and every name under `from` moved
 * under `to`, so that specs of two namespaces compare equal.
 */
export function comparableSpec(spec: Json, from: string, to: string): Json {
  const renamed = rename(withNames(spec), from, to);
  return walk(renamed, (key, value) => {
    if (key === "ConfigID") return undefined;
    if (key === "Env" && Array.isArray(value)) return envMap(value);
    return value;
  });
}

function withNames(spec: Json): Json {
  return walk(spec, (key, value) =>
    key === "Target" &&
    typeof value === "string" &&
    /^[0-9a-z]{25}$/.test(value)
      ? docker("network", "inspect", "--format={{.Name}}", value)
      : value,
  );
}

function rename(value: Json, from: string, to: string): Json {
  return walk(value, (_key, item) => {
    if (typeof item !== "string") return item;
    if (item === from) return to;
    return item.startsWith(`${from}_`) ? to + item.slice(from.length) : item;
  });
}

function envMap(list: Json[]): Json {
  const map: Record<string, Json> = {};
  for (const item of list) {
    const text = String(item);
    const at = text.indexOf("=");
    map[at < 0 ? text : text.slice(0, at)] = at < 0 ? null : text.slice(at + 1);
  }
  return map;
}

type Visit = (key: string, value: Json) => Json | undefined;

/** Rebuilds `value` bottom-up; `visit` may replace or drop each member. */
function walk(value: Json, visit: Visit): Json {
  return visitAll(value, visit, "") ?? null;
}

function visitAll(value: Json, visit: Visit, key: string): Json | undefined {
  if (Array.isArray(value)) {
    const items = value.map((item) => visitAll(item, visit, key));
    return visit(
      key,
      items.filter((item) => item !== undefined),
    );
  }
  if (typeof value === "object" && value !== null) {
    const result: Record<string, Json> = {};
    for (const [name, item] of Object.entries(value)) {
      const kept = visitAll(item, visit, name);
      if (kept !== undefined) result[name] = kept;
    }
    return visit(key, result);
  }
  return visit(key, value);
}
