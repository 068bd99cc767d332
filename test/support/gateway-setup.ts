/**
 * Runs a gateway of its own for the gateway tests, on high ports and
 * under a name real gateways never take, and an environments repository
 * with the `echo` test template and the bundled `base` template.
 */
import { cpSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { docker, removeEnvironments } from "./docker.js";
import { createTestRepo, type TestRepo } from "./git-repo.js";
import { runBerth, type BerthRun } from "./run-berth.js";

const FIXTURE = fileURLToPath(
  new URL("../fixtures/gateway-repo", import.meta.url),
);
const BUNDLED = fileURLToPath(new URL("../../templates", import.meta.url));

export const GATEWAY = "berth-gateway-gwtest";
export const HTTP_PORT = 18280;
export const HTTPS_PORT = 18643;

/** Settings of the test gateway, as `berth` reads them. */
export function gatewayEnv(extra: Record<string, string> = {}) {
  return {
    BERTH_GATEWAY_NAME: GATEWAY,
    BERTH_GATEWAY_HTTP_PORT: String(HTTP_PORT),
    BERTH_GATEWAY_HTTPS_PORT: String(HTTPS_PORT),
    BERTH_GATEWAY_TLS: "off",
    ...extra,
  };
}

/** Runs `berth` with the test gateway's settings; expects exit 0. */
export async function berth(
  args: string[],
  env: Record<string, string> = {},
): Promise<BerthRun> {
  const run = await runBerth(args, { env: gatewayEnv(env) });
  expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
  return run;
}

/** A repository with the `echo` test template and the bundled `base`. */
export function gatewayRepo(): TestRepo {
  const repo = createTestRepo(FIXTURE);
  cpSync(join(BUNDLED, "base"), join(repo.dir, "templates", "base"), {
    recursive: true,
  });
  return repo;
}

/** A small manifest of `template` for environment `name`. */
export function manifest(
  name: string,
  template = "echo",
  parameters = `{ greeting: hello-${name} }`,
): string {
  const access =
    template === "echo"
      ? "{ service: web, port: 8080, name: http }"
      : "{ service: workspace, port: 8080, name: web }";
  return `apiVersion: berth.dev/v1
kind: Environment
metadata:
  name: ${name}
  owners: ["alice"]
spec:
  template: ${template}
  parameters: ${parameters}
  access:
    ports: [${access}]
`;
}

/** The access token of `environment`, read as its operator would. */
export async function tokenOf(environment: string): Promise<string> {
  const run = await berth([
    "status",
    "--json",
    "--show-token",
    environment,
    environment,
  ]);
  return JSON.parse(run.stdout)[0].accessToken;
}

/** Removes the environments and the test gateway with all its objects. */
export async function removeGatewayAndEnvironments(
  ...environments: string[]
): Promise<void> {
  removeEnvironments(...environments);
  await runBerth(["gateway", "down"], { env: gatewayEnv() });
  for (const kind of ["secret", "config"]) {
    const names = docker(kind, "ls", "--format", "{{.Name}}")
      .split("\n")
      .filter(
        (name) =>
          name.startsWith(`${GATEWAY}_`) ||
          environments.some((env) => name === `${env}_access-token`),
      );
    if (names.length > 0) docker(kind, "rm", ...names);
  }
}
