import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { DeliveryLog } from "../../../app/github/delivery-log.js";
import { EnvironmentLocks } from "../../../app/github/environment-locks.js";
import { AppliedCommits } from "../../../app/github/applied-commits.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "berth-state-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("state kept across restarts", () => {
  it("processes a delivery once, but again after a failure", async () => {
    const log = new DeliveryLog(join(dir, "d.json"));
    expect(log.begin("a")).toBe(true);
    expect(log.begin("a")).toBe(false);
    log.fail("a");
    expect(log.begin("a")).toBe(true);
    await log.succeed("a");

    const restarted = new DeliveryLog(join(dir, "d.json"));
    await restarted.load();
    expect(restarted.begin("a")).toBe(false);
    expect(restarted.begin("b")).toBe(true);
  });

  it("locks environments per pull request and releases them", async () => {
    const path = join(dir, "locks.json");
    const locks = new EnvironmentLocks(path);
    const one = { repository: "o/r", pullRequest: 1 };
    const two = { repository: "o/r", pullRequest: 2 };
    expect(await locks.acquire(one, ["pay", "web"])).toEqual([]);
    expect(await locks.acquire(two, ["pay"])).toEqual([
      { environment: "pay", repository: "o/r", pullRequest: 1 },
    ]);
    expect(await locks.acquire(one, ["web"])).toEqual([]);
    expect(await locks.acquire(two, ["pay"])).toEqual([]);

    const restarted = new EnvironmentLocks(path);
    await restarted.load();
    expect(restarted.holder("pay")).toEqual(two);
    expect(await restarted.release(one)).toEqual(["web"]);
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual({ pay: two });
  });

  it("claims a commit once, until released", async () => {
    const path = join(dir, "applied.json");
    const applied = new AppliedCommits(path);
    expect(applied.claim("o/r", "abc")).toBe(true);
    expect(applied.claim("o/r", "abc")).toBe(false);
    applied.release("o/r", "abc");
    expect(applied.claim("o/r", "abc")).toBe(true);
    await applied.confirm("o/r", "abc");

    const restarted = new AppliedCommits(path);
    await restarted.load();
    expect(restarted.claim("o/r", "abc")).toBe(false);
  });
});
