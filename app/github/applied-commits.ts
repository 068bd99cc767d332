/**
 * The commits Berth has applied (or is applying), per repository, so that
 * a commit reached both by a merge and by the push that follows it, or
 * delivered twice, is applied once. Persisted across restarts.
 */
import { readStateFile, stateFilePath, writeStateFile } from "./state-file.js";
import { SerialWriter } from "./serial-writer.js";

const KEEP = 5_000;

/** Commits applied per repository, kept across restarts. */
export class AppliedCommits {
  readonly #path: string;
  #applied: string[] = [];
  readonly #claimed = new Set<string>();
  readonly #writer = new SerialWriter();

  constructor(path = stateFilePath("applied-commits.json")) {
    this.#path = path;
  }

  /** Loads the commits applied before a restart. */
  async load(): Promise<void> {
    this.#applied = await readStateFile<string[]>(this.#path, []);
  }

  /** Claims `commit` of `repository`; false when applied or claimed. */
  claim(repository: string, commit: string): boolean {
    const key = `${repository}@${commit}`;
    if (this.#claimed.has(key) || this.#applied.includes(key)) return false;
    this.#claimed.add(key);
    return true;
  }

  /** Records a claimed commit as applied. */
  async confirm(repository: string, commit: string): Promise<void> {
    const key = `${repository}@${commit}`;
    this.#claimed.delete(key);
    this.#applied.push(key);
    if (this.#applied.length > KEEP) {
      this.#applied.splice(0, this.#applied.length - KEEP);
    }
    const snapshot = [...this.#applied];
    await this.#writer.run(() => writeStateFile(this.#path, snapshot));
  }

  /** Gives up a claim after a failure, so a later attempt may apply. */
  release(repository: string, commit: string): void {
    this.#claimed.delete(`${repository}@${commit}`);
  }
}
