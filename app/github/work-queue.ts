/**
 * The in-process queue that runs webhook work after GitHub has its answer.
 * Jobs with the same key run one after another, in arrival order; jobs
 * with different keys run side by side. Work that only needs doing once
 * (planning a pull request) can be shared: a delivery that arrives while
 * the same work waits to start joins it instead of queueing it again.
 */
export class WorkQueue {
  readonly #tails = new Map<string, Promise<void>>();
  readonly #waiting = new Map<string, Promise<void>>();

  /** Queues `job` behind the jobs of `key`; settles as `job` does. */
  run(key: string, job: () => Promise<void>): Promise<void> {
    this.#waiting.delete(key);
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(job);
    const tail = result.catch(() => undefined);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }

  /**
   * Like `run`, but joins the job of `key` queued by an earlier call to
   * `shared` when that one has not started yet.
   */
  shared(key: string, job: () => Promise<void>): Promise<void> {
    const waiting = this.#waiting.get(key);
    if (waiting) return waiting;
    const result: Promise<void> = this.run(key, () => {
      if (this.#waiting.get(key) === result) this.#waiting.delete(key);
      return job();
    });
    this.#waiting.set(key, result);
    return result;
  }

  /** Resolves when every queued job has finished. */
  async idle(): Promise<void> {
    while (this.#tails.size > 0) {
      await Promise.all([...this.#tails.values()]);
    }
  }

  /** Number of keys with work queued or running. */
  get size(): number {
    return this.#tails.size;
  }
}
