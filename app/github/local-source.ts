/**
 * The local implementation of `RepositorySource`: a git repository on
 * disk, read with git itself.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { takeSnapshot } from "../repo/snapshot.js";
import type {
  MaterialisedCommit,
  RepositorySource,
} from "./repository-source.js";
import { BERTH_FOLDERS } from "./repository-source.js";

const run = promisify(execFile);

/** Reads an environments repository from a local clone. */
export class LocalRepositorySource implements RepositorySource {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  async materialise(commit: string): Promise<MaterialisedCommit> {
    const snapshot = await takeSnapshot(this.#dir, commit);
    return {
      dir: snapshot.dir,
      commit: snapshot.commit,
      refused: [],
      dispose: () => snapshot.dispose(),
    };
  }

  async listFiles(commit: string): Promise<Map<string, string>> {
    const { stdout } = await this.#git(
      ["ls-tree", "-r", commit, "--", ...BERTH_FOLDERS],
      "utf8",
    );
    const files = new Map<string, string>();
    for (const line of stdout.split("\n").filter(Boolean)) {
      const [meta = "", path = ""] = line.split("\t");
      files.set(path, meta.split(" ")[2] ?? "");
    }
    return files;
  }

  async readFiles(commit: string, paths: readonly string[]) {
    const files = new Map<string, Buffer>();
    for (const path of paths) {
      const shown = await this.#git(["show", `${commit}:${path}`], "buffer")
        .then((r) => r.stdout)
        .catch(() => undefined);
      if (shown) files.set(path, Buffer.from(shown));
    }
    return files;
  }

  #git(args: string[], encoding: "utf8" | "buffer") {
    return run("git", args, {
      cwd: this.#dir,
      encoding: encoding === "buffer" ? "buffer" : "utf8",
      maxBuffer: 64 * 1024 * 1024,
    }) as Promise<{ stdout: string | Buffer }> as Promise<{ stdout: string }>;
  }
}
