/**
 * TLS at the gateway: a self-signed certificate made on first start,
 * HTTP redirected to HTTPS, and a certificate given in settings, which
 * reaches nginx as a Swarm secret.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireDocker } from "../../support/docker.js";
import type { TestRepo } from "../../support/git-repo.js";
import { gatewayGet } from "../../support/gateway-client.js";
import {
  HTTPS_PORT,
  HTTP_PORT,
  berth,
  gatewayRepo,
  manifest,
  removeGatewayAndEnvironments,
  tokenOf,
} from "../../support/gateway-setup.js";

const ENV = "gw-tls";
const PATH = `/e/${ENV}/http/`;
const TLS = { BERTH_GATEWAY_TLS: "on" };

let repo: TestRepo;
let certs: string;

beforeAll(async () => {
  requireDocker();
  await removeGatewayAndEnvironments(ENV);
  certs = mkdtempSync(join(tmpdir(), "berth-certs-"));
  repo = gatewayRepo();
  repo.write(`environments/${ENV}.yaml`, manifest(ENV));
  repo.commit("one environment");
  await berth(["gateway", "up"], TLS);
  await berth(["--repo", repo.dir, "apply"], TLS);
});

afterAll(async () => {
  await removeGatewayAndEnvironments(ENV);
  repo?.dispose();
  if (certs) rmSync(certs, { recursive: true, force: true });
});

describe("TLS at the gateway", () => {
  it("prints https URLs", async () => {
    const run = await berth(["status", ENV], TLS);

    expect(run.stdout).toContain(`https://localhost:${HTTPS_PORT}${PATH}`);
  });

  it("redirects HTTP to HTTPS", async () => {
    const host = { Host: `localhost:${HTTP_PORT}` };
    const response = await gatewayGet(HTTP_PORT, `${PATH}?a=1`, host);

    expect(response.status).toBe(308);
    expect(response.headers.location).toBe(
      `https://localhost:${HTTPS_PORT}${PATH}?a=1`,
    );
  });

  it("serves HTTPS with a self-signed certificate", async () => {
    const { status, subject } = await httpsGet(await tokenOf(ENV));

    expect(status).toBe(200);
    expect(subject).toBe("localhost");
  });

  it("serves the certificate given in settings", async () => {
    const cert = join(certs, "cert.pem");
    const key = join(certs, "key.pem");
    const args = [
      ...["req", "-x509", "-nodes", "-days", "2", "-newkey", "rsa:2048"],
      ...["-subj", "/CN=given.example", "-keyout", key, "-out", cert],
    ];
    execFileSync("openssl", args, { stdio: "ignore" });
    await berth(["gateway", "up"], {
      ...TLS,
      BERTH_TLS_CERT: cert,
      BERTH_TLS_KEY: key,
    });

    const { status, subject } = await httpsGet(await tokenOf(ENV));

    expect(status).toBe(200);
    expect(subject).toBe("given.example");
    expect(readFileSync(cert, "utf8")).toContain("BEGIN CERTIFICATE");
  });
});

function httpsGet(token: string) {
  return new Promise<{ status: number; subject: string }>((done, fail) => {
    const call = request(
      {
        host: "127.0.0.1",
        port: HTTPS_PORT,
        path: PATH,
        servername: "localhost",
        rejectUnauthorized: false,
        headers: {
          Host: `localhost:${HTTPS_PORT}`,
          Authorization: `Bearer ${token}`,
        },
      },
      (response) => {
        const socket = response.socket as import("node:tls").TLSSocket;
        const subject = String(socket.getPeerCertificate().subject?.CN);
        response.resume();
        response.on("end", () =>
          done({ status: response.statusCode ?? 0, subject }),
        );
      },
    );
    call.on("error", fail);
    call.end();
  });
}
