/**
 * Tests that need Docker call `requireDocker()` first. It fails the test,
 * never skips it, when no Docker Engine answers: the test command starts
 * one (scripts/ensure-docker.sh), so a missing engine is a real failure.
 */
import { execFileSync } from "node:child_process";

export function requireDocker(): void {
  try {
    const state = execFileSync(
      "docker",
      ["info", "--format", "{{.Swarm.LocalNodeState}}"],
      { encoding: "utf8", timeout: 20_000 },
    ).trim();
    if (state !== "active") {
      throw new Error(`this Docker Engine is not in a swarm (${state})`);
    }
  } catch (err) {
    throw new Error(
      "these tests need a Docker Engine in swarm mode; start one with " +
        `\`bash scripts/ensure-docker.sh\` (${(err as Error).message})`,
      { cause: err },
    );
  }
}

/** Runs the docker CLI and returns its trimmed stdout. */
export function docker(...args: string[]): string {
  return execFileSync("docker", args, { encoding: "utf8" }).trim();
}

/** Removes every Docker object of the environments named. */
export function removeEnvironments(...names: string[]): void {
  for (const name of names) {
    const filter = `label=dev.berth.environment=${name}`;
    const services = docker("service", "ls", "-q", "--filter", filter);
    if (services) docker("service", "rm", ...services.split("\n"));
    waitUntil(
      () =>
        !docker(
          "ps",
          "-aq",
          "--filter",
          `label=com.docker.stack.namespace=${name}`,
        ),
    );
    for (const kind of ["config", "network", "volume"]) {
      const ids = docker(kind, "ls", "-q", "--filter", filter);
      if (ids) {
        try {
          docker(kind, "rm", ...ids.split("\n"));
        } catch {
          // A network may take a moment to free; the next cleanup retries.
        }
      }
    }
  }
}

/** Removes a service, if any, and waits until its containers are gone. */
export function removeService(name: string): void {
  if (!docker("service", "ls", "-q", "--filter", `name=${name}`)) return;
  docker("service", "rm", name);
  waitUntil(
    () =>
      !docker(
        "ps",
        "-aq",
        "--filter",
        `label=com.docker.swarm.service.name=${name}`,
      ),
  );
}

function waitUntil(done: () => boolean, timeoutMs = 30_000): void {
  const end = Date.now() + timeoutMs;
  while (!done() && Date.now() < end) {
    execFileSync("sleep", ["0.5"]);
  }
}
