/**
 * Runs asynchronous writes one after another, so that two quick updates of
 * one state file cannot finish in the wrong order.
 */
export class SerialWriter {
  #last: Promise<unknown> = Promise.resolve();

  /** Queues `write` after every write queued before it. */
  run<T>(write: () => Promise<T>): Promise<T> {
    const next = this.#last.catch(() => undefined).then(write);
    this.#last = next;
    return next;
  }
}
