/**
 * Remembers webhook deliveries by their `X-GitHub-Delivery` id. A delivery
 * processed successfully is never processed again; one that failed is
 * forgotten, so GitHub's redelivery runs it once more. Persisted, so a
 * restart keeps what was done.
 */
import { readStateFile, stateFilePath, writeStateFile } from "./state-file.js";
import { SerialWriter } from "./serial-writer.js";

const KEEP = 10_000;

type Entry = { id: string; at: string };

/** Deliveries processed, kept across restarts. */
export class DeliveryLog {
  readonly #path: string;
  readonly #running = new Set<string>();
  #done: Entry[] = [];
  readonly #writer = new SerialWriter();

  constructor(path = stateFilePath("deliveries.json")) {
    this.#path = path;
  }

  /** Loads the deliveries done before a restart. */
  async load(): Promise<void> {
    this.#done = await readStateFile<Entry[]>(this.#path, []);
  }

  /**
   * Claims delivery `id` for processing; false when it was done already
   * or is being processed now.
   */
  begin(id: string): boolean {
    if (this.#running.has(id)) return false;
    if (this.#done.some((entry) => entry.id === id)) return false;
    this.#running.add(id);
    return true;
  }

  /** Records `id` as processed successfully. */
  async succeed(id: string): Promise<void> {
    this.#running.delete(id);
    this.#done.push({ id, at: new Date().toISOString() });
    if (this.#done.length > KEEP)
      this.#done.splice(0, this.#done.length - KEEP);
    const snapshot = [...this.#done];
    await this.#writer.run(() => writeStateFile(this.#path, snapshot));
  }

  /** Forgets `id`, so a redelivery is processed again. */
  fail(id: string): void {
    this.#running.delete(id);
  }
}
