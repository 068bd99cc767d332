/**
 * Remembers what an apply changed, so that a failure can put the cluster
 * back: objects created are removed (newest first), services updated are
 * rolled back to the spec they had before.
 */
import type { SwarmClient } from "../swarm/swarm-client.js";
import type { LiveService } from "../swarm/live-types.js";
import type { Logger } from "../log.js";

type Created =
  | { kind: "service"; id: string; name: string }
  | { kind: "network"; id: string; name: string }
  | { kind: "config"; id: string; name: string }
  | { kind: "volume"; name: string };

export class UndoLog {
  private readonly created: Created[] = [];
  private readonly updated: LiveService[] = [];

  recordCreated(entry: Created): void {
    this.created.push(entry);
  }

  recordUpdated(before: LiveService): void {
    this.updated.push(before);
  }

  /** Undoes everything recorded; reports but survives individual errors. */
  async undo(swarm: SwarmClient, log: Logger): Promise<string[]> {
    const problems: string[] = [];
    const attempt = async (what: string, step: () => Promise<unknown>) => {
      try {
        await step();
        log.info({ object: what }, "undone");
      } catch (err) {
        problems.push(`${what}: ${(err as Error).message}`);
        log.warn({ err, object: what }, "could not undo");
      }
    };

    for (const before of this.updated) {
      await attempt(`service ${before.name} rollback`, () =>
        restore(swarm, before),
      );
    }
    for (const entry of [...this.created].reverse()) {
      await attempt(`${entry.kind} ${entry.name}`, () => remove(swarm, entry));
    }
    return problems;
  }
}

async function remove(swarm: SwarmClient, entry: Created): Promise<void> {
  switch (entry.kind) {
    case "service":
      return swarm.removeService(entry.id, { waitForTasks: true });
    case "network":
      return swarm.removeNetwork(entry.id);
    case "config":
      return swarm.removeConfig(entry.id);
    case "volume":
      return swarm.removeVolume(entry.name);
  }
}

/** Puts a service back to the spec it had before this apply. */
async function restore(swarm: SwarmClient, before: LiveService) {
  const now = await swarm.inspectService(before.name);
  if (!now) throw new Error("service disappeared during the apply");
  await swarm.updateService(now, before.spec);
}
