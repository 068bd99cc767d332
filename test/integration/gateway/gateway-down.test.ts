/**
 * Taking the gateway down leaves environments running: applied again,
 * they publish their ports on the host as before, and the gateway's
 * network, kept while they were attached, goes with the next `down`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docker, requireDocker } from "../../support/docker.js";
import type { TestRepo } from "../../support/git-repo.js";
import { fetchText } from "../../support/http.js";
import {
  GATEWAY,
  HTTP_PORT,
  berth,
  gatewayRepo,
  manifest,
  removeGatewayAndEnvironments,
} from "../../support/gateway-setup.js";

const ENV = "gw-down";

let repo: TestRepo;

const networks = () =>
  docker("network", "ls", "--format", "{{.Name}}").split("\n");

beforeAll(async () => {
  requireDocker();
  await removeGatewayAndEnvironments(ENV);
  repo = gatewayRepo();
  repo.write(`environments/${ENV}.yaml`, manifest(ENV));
  repo.commit("one environment");
  await berth(["gateway", "up"]);
  await berth(["--repo", repo.dir, "apply"]);
});

afterAll(async () => {
  await removeGatewayAndEnvironments(ENV);
  repo?.dispose();
});

describe("berth gateway down", () => {
  it("says whether the gateway runs", async () => {
    const run = await berth(["gateway", "status"]);

    expect(run.stdout).toContain(`${GATEWAY}: nginx 1/1, auth 1/1`);
    expect(run.stdout).toContain(`http://localhost:${HTTP_PORT}/e/ENV/PORT/`);
  });

  it("keeps the network while environments are attached", async () => {
    const run = await berth(["gateway", "down"]);

    expect(run.stdout).toContain(`- removed service ${GATEWAY}`);
    expect(run.stderr).toContain("gateway network kept");
    expect(networks()).toContain(GATEWAY);
    expect((await berth(["gateway", "status"])).stdout).toContain(
      "not running",
    );
  });

  it("publishes host ports again at the next apply", async () => {
    await berth(["--repo", repo.dir, "apply"]);
    const [status] = JSON.parse(
      (await berth(["status", "--json"])).stdout,
    ).filter((env: { name: string }) => env.name === ENV);

    expect(status.access[0].url).toMatch(/^http:\/\/127\.0\.0\.1:2\d{4}\/$/);
    expect(await fetchText(status.access[0].url)).toContain(`hello-${ENV}`);
  });

  it("removes the network once no environment uses it", async () => {
    await berth(["gateway", "down"]);

    expect(networks()).not.toContain(GATEWAY);
  });
});
