/**
 * Brings a service spec into the one form in which a desired spec and the
 * spec Docker stores compare equal when they mean the same thing.
 */
import type { ServiceSpec } from "../swarm/spec-types.js";
import { canonicalImageRef } from "./image-ref.js";
import { isObject, sortKeys, type JsonObject } from "./json-value.js";
import {
  DEFAULT_REPLICAS,
  MOUNT_DEFAULTS,
  SPEC_DEFAULTS,
} from "./spec-defaults.js";
import { copyJson, jsonEqual } from "./json-value.js";

export interface NormaliseOptions {
  /**
   * Network ID to name. Docker stores network references by ID; with this
   * map they compare equal to references by name.
   */
  networkNames?: ReadonlyMap<string, string>;
}

/** Keys whose empty object means something (a global service). */
const MEANINGFUL_EMPTY = new Set(["Global", "GlobalJob", "ReplicatedJob"]);

/**
 * Returns a normalised copy of `spec`: defaults Docker fills in removed,
 * empty lists and objects removed, image digests added by Docker, config
 * IDs and network aliases dropped, network IDs turned into names, and
 * lists whose order means nothing sorted. Keys are sorted too.
 */
export function normaliseServiceSpec(
  spec: ServiceSpec,
  options: NormaliseOptions = {},
): ServiceSpec {
  const copy = copyJson(spec) as unknown as JsonObject;

  fillUpdateParallelism(copy);
  dropDefaults(copy);
  normaliseMode(copy);
  normaliseContainer(child(copy, "TaskTemplate", "ContainerSpec"));
  normaliseTask(child(copy, "TaskTemplate"), options);
  normalisePorts(child(copy, "EndpointSpec"));

  return sortKeys(prune(copy, false)) as ServiceSpec;
}

/**
 * Docker fills `Parallelism: 1` into an update config left out, but `0`
 * (all at once) into one given without `Parallelism`.
 */
function fillUpdateParallelism(spec: JsonObject): void {
  for (const key of ["UpdateConfig", "RollbackConfig"]) {
    const config = child(spec, key);

    if (config && config["Parallelism"] === undefined) {
      config["Parallelism"] = 0;
    }
  }
}

function dropDefaults(spec: JsonObject): void {
  for (const [path, defaults] of Object.entries(SPEC_DEFAULTS)) {
    dropMatching(child(spec, ...path.split(".")), defaults);
  }
}

function dropMatching(
  target: JsonObject | undefined,
  defaults: Readonly<Record<string, unknown>>,
): void {
  if (!target) {
    return;
  }

  for (const [key, value] of Object.entries(defaults)) {
    if (jsonEqual(target[key], value)) {
      delete target[key];
    }
  }
}

function normaliseMode(spec: JsonObject): void {
  const replicated = child(spec, "Mode", "Replicated");

  if (!replicated) {
    return;
  }

  const replicas = replicated["Replicas"] ?? DEFAULT_REPLICAS;

  if (replicas === DEFAULT_REPLICAS) {
    delete spec["Mode"];
  }
}

function normaliseContainer(container: JsonObject | undefined): void {
  if (!container) {
    return;
  }

  if (typeof container["Image"] === "string") {
    container["Image"] = canonicalImageRef(container["Image"]);
  }

  sortStrings(container, "Env");
  normaliseMounts(container);
  normaliseFileReferences(container, "Configs", "ConfigID", "ConfigName");
  normaliseFileReferences(container, "Secrets", "SecretID", "SecretName");
}

function normaliseMounts(container: JsonObject): void {
  const mounts = objects(container["Mounts"]);

  for (const mount of mounts) {
    dropMatching(mount, MOUNT_DEFAULTS);
    const driver = child(mount, "VolumeOptions", "DriverConfig");
    dropMatching(driver, { Name: "local" });
  }

  container["Mounts"] = sortBy(mounts, (m) => String(m["Target"]));
}

function normaliseFileReferences(
  container: JsonObject,
  key: string,
  idKey: string,
  nameKey: string,
): void {
  const references = objects(container[key]);

  for (const reference of references) {
    delete reference[idKey];
  }

  container[key] = sortBy(references, (r) => {
    const file = isObject(r["File"]) ? String(r["File"]["Name"]) : "";
    return `${file}\u0000${String(r[nameKey])}`;
  });
}

function normaliseTask(
  task: JsonObject | undefined,
  options: NormaliseOptions,
): void {
  if (!task) {
    return;
  }

  const names = options.networkNames ?? new Map<string, string>();
  const networks = objects(task["Networks"]).map((network) => {
    const target = String(network["Target"]);
    const rest: JsonObject = {
      ...network,
      Target: names.get(target) ?? target,
    };
    delete rest["Aliases"];
    return rest;
  });

  task["Networks"] = sortBy(networks, (n) => String(n["Target"]));
  sortStrings(child(task, "Placement"), "Constraints");
}

function normalisePorts(endpoint: JsonObject | undefined): void {
  if (!endpoint) {
    return;
  }

  const ports = objects(endpoint["Ports"]).map((port): JsonObject => ({
    ...port,
    Protocol: port["Protocol"] ?? "tcp",
    PublishMode: port["PublishMode"] ?? "ingress",
  }));

  endpoint["Ports"] = sortBy(ports, (p) =>
    [p["PublishedPort"], p["TargetPort"], p["Protocol"]]
      .map((part) => String(part ?? "").padStart(8, "0"))
      .join("/"),
  );
}

/** Removes undefined, null, "", [] and {}; keeps values of label maps. */
function prune(value: unknown, inLabels: boolean): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => prune(item, false));
  }

  if (!isObject(value)) {
    return value;
  }

  const result: JsonObject = {};
  for (const [key, raw] of Object.entries(value)) {
    const pruned = prune(raw, key === "Labels");
    if (!isEmpty(pruned, inLabels) || MEANINGFUL_EMPTY.has(key)) {
      result[key] = pruned;
    }
  }
  return result;
}

function isEmpty(value: unknown, inLabels: boolean): boolean {
  if (value === undefined || value === null) {
    return true;
  }

  if (value === "") {
    return !inLabels;
  }

  if (Array.isArray(value)) {
    return value.length === 0;
  }

  return isObject(value) && Object.keys(value).length === 0;
}

function child(root: JsonObject, ...path: string[]): JsonObject | undefined {
  let current: unknown = root;

  for (const key of path) {
    current = isObject(current) ? current[key] : undefined;
  }

  return isObject(current) ? current : undefined;
}

function objects(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function sortStrings(target: JsonObject | undefined, key: string): void {
  const value = target?.[key];

  if (target && Array.isArray(value)) {
    target[key] = [...value].map(String).sort();
  }
}

function sortBy<T>(items: T[], keyOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => {
    const left = keyOf(a);
    const right = keyOf(b);
    return left < right ? -1 : left > right ? 1 : 0;
  });
}
