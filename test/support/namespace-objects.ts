/**
 * Deploys a Compose file with `docker stack deploy`, and removes every
 * Swarm object of a namespace: services, configs, networks and volumes
 * labelled `com.docker.stack.namespace`, which both Berth and the stack
 * command set. Only names under the test prefix are ever touched.
 */
import { execFileSync } from "node:child_process";
import { docker } from "./docker.js";

const TEST_PREFIX = "d-";
const NAMESPACE = "com.docker.stack.namespace";

/** Deploys `file` as stack `namespace`, keeping image tags as written. */
export function deployStack(namespace: string, file: string): void {
  assertTestName(namespace);
  docker(
    "stack",
    "deploy",
    "--quiet",
    "--resolve-image",
    "never",
    "-c",
    file,
    namespace,
  );
}

/** Removes every object of `namespace` and waits until none is left. */
export function removeNamespace(namespace: string): void {
  assertTestName(namespace);
  const services = objectsOf("service", namespace);
  if (services.length > 0) docker("service", "rm", ...services);
  waitUntil(() => containersOf(namespace) === "");

  for (const kind of ["config", "network", "volume"]) {
    const names = objectsOf(kind, namespace);
    waitUntil(() => names.every((name) => tryRemove(kind, name)));
  }
}

/** Sorted names of the objects of one kind labelled with `namespace`. */
export function objectsOf(kind: string, namespace: string): string[] {
  const filter = `label=${NAMESPACE}=${namespace}`;
  return docker(kind, "ls", "--filter", filter, "--format={{.Name}}")
    .split("\n")
    .filter((name) => name.startsWith(`${namespace}_`))
    .sort();
}

/** Names of objects of any kind whose names start with `namespace_`. */
export function leftoversOf(namespace: string): string[] {
  const named = (kind: string) =>
    docker(kind, "ls", "--format={{.Name}}").split("\n");
  return ["service", "config", "network", "volume"]
    .flatMap(named)
    .filter((name) => name.startsWith(`${namespace}_`));
}

function containersOf(namespace: string): string {
  return docker("ps", "-aq", "--filter", `label=${NAMESPACE}=${namespace}`);
}

function tryRemove(kind: string, name: string): boolean {
  try {
    docker(kind, "rm", name);
    return true;
  } catch {
    // Gone already, or still in use for a moment after its tasks stopped.
    return !docker(kind, "ls", "--format={{.Name}}").split("\n").includes(name);
  }
}

function assertTestName(namespace: string): void {
  if (!namespace.startsWith(TEST_PREFIX)) {
    throw new Error(`refusing to touch ${namespace}: not a d- test name`);
  }
}

function waitUntil(done: () => boolean, timeoutMs = 60_000): void {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error("cleanup did not finish in time");
    execFileSync("sleep", ["0.5"]);
  }
}
