/**
 * Serialises work on one environment: within this process by chaining on a
 * promise per environment, and across processes (a `berth apply` next to a
 * running `berth watch`) with a lock file that a crashed holder cannot keep
 * forever, since proper-lockfile treats a lock not refreshed as stale.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import lockfile from "proper-lockfile";

const chains = new Map<string, Promise<unknown>>();

export function stateDir(): string {
  return process.env.BERTH_STATE_DIR ?? "/var/lib/berth";
}

/** Runs `work` while holding the lock of environment `name`. */
export async function withEnvironmentLock<T>(
  name: string,
  work: () => Promise<T>,
  onWait?: () => void,
): Promise<T> {
  const previous = chains.get(name) ?? Promise.resolve();
  const run = previous
    .catch(() => undefined)
    .then(() => lockAndRun(name, work, onWait));
  chains.set(name, run);
  try {
    return await run;
  } finally {
    if (chains.get(name) === run) chains.delete(name);
  }
}

async function lockAndRun<T>(
  name: string,
  work: () => Promise<T>,
  onWait?: () => void,
) {
  const dir = join(stateDir(), "locks");
  await mkdir(dir, { recursive: true });
  const file = join(dir, name);
  const options = { realpath: false, stale: 30_000, update: 5_000 };
  const release = await lockfile.lock(file, options).catch((err) => {
    if ((err as { code?: string }).code !== "ELOCKED") throw err;
    // Held by another apply, or by one that died: a dead holder's lock
    // goes stale within 30 s.
    onWait?.();
    return lockfile.lock(file, {
      ...options,
      retries: { retries: 600, minTimeout: 200, maxTimeout: 1_000 },
    });
  });
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}
