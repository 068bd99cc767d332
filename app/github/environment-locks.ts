/**
 * Locks that open pull requests hold on environments: an environment that
 * one open pull request changes cannot be changed by another until the
 * first is merged or closed. Persisted, so a restart keeps them.
 */
import { readStateFile, stateFilePath, writeStateFile } from "./state-file.js";
import { SerialWriter } from "./serial-writer.js";

/** Who holds the lock of one environment. */
export interface LockHolder {
  repository: string;
  pullRequest: number;
}

/** An environment that another pull request holds. */
export interface HeldLock extends LockHolder {
  environment: string;
}

/** Environment locks of open pull requests, kept across restarts. */
export class EnvironmentLocks {
  readonly #path: string;
  #locks: Record<string, LockHolder> = {};
  readonly #writer = new SerialWriter();

  constructor(path = stateFilePath("locks.json")) {
    this.#path = path;
  }

  /** Loads the locks held before a restart. */
  async load(): Promise<void> {
    this.#locks = await readStateFile(this.#path, {});
  }

  /**
   * Takes the locks of `environments` for `holder`, except those another
   * pull request holds, which are returned. Locks of `holder` on other
   * environments are released: they are no longer changed by it.
   */
  async acquire(
    holder: LockHolder,
    environments: readonly string[],
  ): Promise<HeldLock[]> {
    const held: HeldLock[] = [];
    for (const [environment, owner] of Object.entries(this.#locks)) {
      if (!sameHolder(owner, holder)) continue;
      if (!environments.includes(environment)) delete this.#locks[environment];
    }
    for (const environment of environments) {
      const owner = this.#locks[environment];
      if (owner && !sameHolder(owner, holder)) {
        held.push({ environment, ...owner });
        continue;
      }
      this.#locks[environment] = { ...holder };
    }
    await this.#save();
    return held;
  }

  /** Releases every lock of `holder`; returns the environments freed. */
  async release(holder: LockHolder): Promise<string[]> {
    const freed = Object.entries(this.#locks)
      .filter(([, owner]) => sameHolder(owner, holder))
      .map(([environment]) => environment);
    for (const environment of freed) delete this.#locks[environment];
    await this.#save();
    return freed;
  }

  /** Whether `holder` holds any lock. */
  holds(holder: LockHolder): boolean {
    return Object.values(this.#locks).some((o) => sameHolder(o, holder));
  }

  /** The holder of `environment`'s lock, if any. */
  holder(environment: string): LockHolder | undefined {
    return this.#locks[environment];
  }

  async #save(): Promise<void> {
    const snapshot = { ...this.#locks };
    await this.#writer.run(() => writeStateFile(this.#path, snapshot));
  }
}

function sameHolder(a: LockHolder, b: LockHolder): boolean {
  return a.repository === b.repository && a.pullRequest === b.pullRequest;
}
