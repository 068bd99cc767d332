/**
 * Connections through the gateway on a real Swarm: a WebSocket echo, an
 * open connection that survives another environment being added, and an
 * environment that is routed again soon after it is recreated.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docker, requireDocker } from "../../support/docker.js";
import type { TestRepo } from "../../support/git-repo.js";
import {
  gatewayGet,
  openWebSocket,
  waitForStatus,
  type EchoSocket,
} from "../../support/gateway-client.js";
import {
  HTTP_PORT,
  berth,
  gatewayRepo,
  manifest,
  removeGatewayAndEnvironments,
  tokenOf,
} from "../../support/gateway-setup.js";

const A = "gw-con-a";
const B = "gw-con-b";
const LOCAL = { Host: `localhost:${HTTP_PORT}` };

let repo: TestRepo;
let socket: EchoSocket | undefined;

beforeAll(async () => {
  requireDocker();
  await removeGatewayAndEnvironments(A, B);
  repo = gatewayRepo();
  repo.write(`environments/${A}.yaml`, manifest(A));
  repo.commit("one environment");
  await berth(["gateway", "up"]);
  await berth(["--repo", repo.dir, "apply"]);
});

afterAll(async () => {
  socket?.close();
  await removeGatewayAndEnvironments(A, B);
  repo?.dispose();
});

describe("connections through the gateway", () => {
  it("passes a WebSocket upgrade and echoes frames", async () => {
    const auth = { Authorization: `Bearer ${await tokenOf(A)}` };
    socket = await openWebSocket(HTTP_PORT, `/e/${A}/http/ws`, {
      ...LOCAL,
      ...auth,
    });

    expect(await socket.echo("hello through nginx")).toBe(
      "hello through nginx",
    );
  });

  it("keeps it open while another environment is added", async () => {
    repo.write(`environments/${B}.yaml`, manifest(B));
    repo.commit("a second environment");
    await berth(["--repo", repo.dir, "apply"]);

    const auth = { Authorization: `Bearer ${await tokenOf(B)}` };
    await waitForStatus(HTTP_PORT, `/e/${B}/http/`, { ...LOCAL, ...auth }, 200);
    expect(await socket!.echo("still here")).toBe("still here");
  });

  it("routes a recreated environment again within 10 s", async () => {
    socket?.close();
    await berth(["destroy", A]);
    const gone = { ...LOCAL, Authorization: "Bearer x" };
    expect((await gatewayGet(HTTP_PORT, `/e/${A}/http/`, gone)).status).toBe(
      401,
    );

    await berth(["--repo", repo.dir, "apply"]);
    const applied = Date.now();
    const auth = { Authorization: `Bearer ${await tokenOf(A)}` };
    await waitForStatus(HTTP_PORT, `/e/${A}/http/`, { ...LOCAL, ...auth }, 200);

    expect(Date.now() - applied).toBeLessThan(10_000);
  });

  it("follows a replaced task within 10 s", async () => {
    docker("service", "update", "--quiet", "--force", `${A}_web`);
    const replaced = Date.now();
    const auth = { Authorization: `Bearer ${await tokenOf(A)}` };
    await waitForStatus(HTTP_PORT, `/e/${A}/http/`, { ...LOCAL, ...auth }, 200);

    expect(Date.now() - replaced).toBeLessThan(10_000);
  });
});
