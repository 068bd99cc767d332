/**
 * SSH into a workspace through the port the gateway mode publishes for
 * it, with the owner's key from BERTH_SSH_KEYS_DIR, using Debian's
 * OpenSSH client against the bundled `base` template's sshd.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireDocker } from "../../support/docker.js";
import type { TestRepo } from "../../support/git-repo.js";
import {
  berth,
  gatewayRepo,
  manifest,
  removeGatewayAndEnvironments,
} from "../../support/gateway-setup.js";

const ENV = "gw-ssh";

let repo: TestRepo;
let keys: string;
let sshKeysEnv: Record<string, string>;

beforeAll(async () => {
  requireDocker();
  await removeGatewayAndEnvironments(ENV);
  keys = mkdtempSync(join(tmpdir(), "berth-ssh-keys-"));
  const key = join(keys, "id_ed25519");
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", key]);
  execFileSync("cp", [`${key}.pub`, join(keys, "alice.pub")]);
  sshKeysEnv = { BERTH_SSH_KEYS_DIR: keys, BERTH_SSH_PORTS: "31900-31949" };

  repo = gatewayRepo();
  repo.write(
    `environments/${ENV}.yaml`,
    // A small reservation: the tests share one node with other work.
    manifest(ENV, "base", "{}") +
      "  resources: { cpus: 0.02, memory: 128Mi }\n",
  );
  repo.commit("a workspace with SSH");
  await berth(["gateway", "up"]);
  await berth(["--repo", repo.dir, "apply"], sshKeysEnv);
});

afterAll(async () => {
  await removeGatewayAndEnvironments(ENV);
  repo?.dispose();
  if (keys) rmSync(keys, { recursive: true, force: true });
});

describe("SSH into a workspace", () => {
  it("prints the ssh command, on a port from BERTH_SSH_PORTS", async () => {
    const run = await berth(["status", ENV]);
    const port = Number(/ssh -p (\d+) dev@/.exec(run.stdout)?.[1]);

    expect(port).toBeGreaterThanOrEqual(31900);
    expect(port).toBeLessThanOrEqual(31949);
  });

  it("logs in as dev with the owner's key", async () => {
    const run = await berth(["status", "--json", ENV]);
    const command: string = JSON.parse(run.stdout)[0].ssh;
    const port = /-p (\d+)/.exec(command)![1]!;

    const output = await sshUntilReady(port);

    expect(output).toBe(`dev ${ENV}`);
  });

  it("keeps the port and changes nothing when applied again", async () => {
    const plan = await berth(["--repo", repo.dir, "plan"], sshKeysEnv);

    expect(plan.stdout).toContain("0 to create, 0 to update, 0 to remove");
  });
});

/** sshd starts with the workspace; retry while it is still coming up. */
async function sshUntilReady(port: string): Promise<string> {
  const args = [
    ...["-i", join(keys, "id_ed25519"), "-p", port],
    ...["-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null"],
    ...["-o", "BatchMode=yes", "-o", "ConnectTimeout=5"],
    "dev@127.0.0.1",
    "echo $(whoami) $(hostname)",
  ];
  let last: unknown;
  for (let attempt = 0; attempt < 30; attempt++) {
    try {
      return execFileSync("ssh", args, {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      }).trim();
    } catch (err) {
      last = err;
      await new Promise((wake) => setTimeout(wake, 1_000));
    }
  }
  throw new Error(`ssh did not log in: ${(last as Error).message}`);
}
