import { describe, expect, it } from "vitest";
import {
  DockerApiError,
  OutOfSequenceError,
} from "../../../app/swarm/errors.js";
import type { LiveService } from "../../../app/swarm/live-types.js";
import { updateWithRetry } from "../../../app/swarm/service-update.js";
import { sleeperSpec } from "./swarm-test-kit.js";

const live: LiveService = {
  id: "svc1",
  version: 10,
  name: "t-swarm-x_sleeper",
  spec: sleeperSpec("t-swarm-x"),
};

const stale = () =>
  new OutOfSequenceError("stale", 500, "update out of sequence");

describe("updateWithRetry", () => {
  it("re-reads the service and sends its new version", async () => {
    const sent: number[] = [];

    await updateWithRetry({
      live,
      send: async (current) => {
        sent.push(current.version);
        if (current.version === 10) throw stale();
      },
      reread: async () => ({ ...live, version: 11 }),
    });

    expect(sent).toEqual([10, 11]);
  });

  it("gives up after a bounded number of attempts", async () => {
    let attempts = 0;

    const error = await updateWithRetry({
      live,
      retries: 2,
      send: async () => {
        attempts += 1;
        throw stale();
      },
      reread: async () => live,
    }).catch((e: unknown) => e);

    expect(attempts).toBe(3);
    expect(error).toBeInstanceOf(OutOfSequenceError);
    expect((error as Error).message).toContain("3 attempts");
    expect((error as Error).message).toContain("apply again");
  });

  it("does not retry other errors", async () => {
    let attempts = 0;

    const error = await updateWithRetry({
      live,
      send: async () => {
        attempts += 1;
        throw new DockerApiError("bad", 400, "invalid spec");
      },
      reread: async () => live,
    }).catch((e: unknown) => e);

    expect(attempts).toBe(1);
    expect(error).toBeInstanceOf(DockerApiError);
  });

  it("stops when the service disappeared", async () => {
    const error = await updateWithRetry({
      live,
      send: async (current) => {
        if (current.version === 10) throw stale();
      },
      reread: async () => undefined,
    }).catch((e: unknown) => e);

    expect((error as Error).message).toContain("was removed");
  });
});
