/**
 * The GitHub implementation of `RepositorySource`: a commit's Berth files
 * fetched with the git trees API (recursive, one request per top folder)
 * and blobs. Sizes come from the tree, so a file that is too big is
 * refused before it is downloaded and becomes a finding.
 */
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { tmpdir } from "node:os";
import pLimit from "p-limit";
import type { Finding } from "../manifest/finding.js";
import { describeByteSize } from "../manifest/byte-size.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import {
  BERTH_FILES,
  BERTH_FOLDERS,
  MAX_MANIFEST_BYTES,
  MAX_TEMPLATE_FILE_BYTES,
  type MaterialisedCommit,
  type RepositorySource,
} from "./repository-source.js";
import { isManifestPath } from "./changed-file.js";

interface TreeFile {
  path: string;
  sha: string;
  size: number;
  executable: boolean;
}

/** Reads an environments repository through GitHub's API. */
export class GitHubRepositorySource implements RepositorySource {
  readonly #octokit: () => Promise<GitHubClient>;
  readonly #repo: RepoRef;

  /** `octokit` returns a client with a fresh token for each use. */
  constructor(octokit: () => Promise<GitHubClient>, repo: RepoRef) {
    this.#octokit = octokit;
    this.#repo = repo;
  }

  async materialise(commit: string): Promise<MaterialisedCommit> {
    const files = await this.#listTree(commit, true);
    const dir = await mkdtemp(join(tmpdir(), "berth-github-"));
    const refused: Finding[] = [];
    try {
      const wanted = files.filter((file) => {
        const problem = sizeProblem(file);
        if (problem) refused.push(problem);
        return !problem;
      });
      const contents = await this.#blobs(wanted);
      for (const file of wanted) {
        const target = join(dir, file.path);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, contents.get(file.path) ?? Buffer.alloc(0));
        if (file.executable) await chmod(target, 0o755);
      }
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
    return {
      dir,
      commit,
      refused,
      dispose: () => rm(dir, { recursive: true, force: true }),
    };
  }

  async listFiles(commit: string): Promise<Map<string, string>> {
    const files = await this.#listTree(commit, false);
    return new Map(files.map((file) => [file.path, file.sha]));
  }

  async readFiles(commit: string, paths: readonly string[]) {
    const files = (await this.#listTree(commit, true)).filter(
      (file) => paths.includes(file.path) && !sizeProblem(file),
    );
    return this.#blobs(files);
  }

  async #listTree(commit: string, withFiles: boolean): Promise<TreeFile[]> {
    const octokit = await this.#octokit();
    const { data: root } = await octokit.rest.git.getTree({
      ...this.#repo,
      tree_sha: await this.#treeOf(octokit, commit),
    });
    const files: TreeFile[] = [];
    for (const folder of [...BERTH_FOLDERS, ".github"]) {
      const entry = root.tree.find(
        (e) => e.path === folder && e.type === "tree",
      );
      if (!entry?.sha) continue;
      const { data } = await octokit.rest.git.getTree({
        ...this.#repo,
        tree_sha: entry.sha,
        recursive: "true",
      });
      if (data.truncated) {
        throw new Error(
          `GitHub cut off the listing of ${folder}/ at ${commit}: it holds ` +
            "too many files; keep environments/ and templates/ under " +
            "100,000 entries",
        );
      }
      for (const item of data.tree) {
        if (item.type !== "blob" || !item.path || !item.sha) continue;
        const path = `${folder}/${item.path}`;
        if (
          folder === ".github" &&
          !(withFiles && BERTH_FILES.includes(path))
        ) {
          continue;
        }
        files.push({
          path,
          sha: item.sha,
          size: item.size ?? 0,
          executable: item.mode === "100755",
        });
      }
    }
    return files;
  }

  async #treeOf(octokit: GitHubClient, commit: string): Promise<string> {
    const { data } = await octokit.rest.git.getCommit({
      ...this.#repo,
      commit_sha: commit,
    });
    return data.tree.sha;
  }

  async #blobs(files: readonly TreeFile[]): Promise<Map<string, Buffer>> {
    const octokit = await this.#octokit();
    const limit = pLimit(8);
    const contents = new Map<string, Buffer>();
    await Promise.all(
      files.map((file) =>
        limit(async () => {
          const { data } = await octokit.rest.git.getBlob({
            ...this.#repo,
            file_sha: file.sha,
          });
          const bytes = Buffer.from(
            data.content,
            data.encoding === "base64" ? "base64" : "utf8",
          );
          if (bytes.length !== file.size) {
            throw new Error(
              `GitHub returned ${bytes.length} bytes for ${file.path} ` +
                `instead of ${file.size}; the run stops rather than read ` +
                "a partial file",
            );
          }
          contents.set(file.path, bytes);
        }),
      ),
    );
    return contents;
  }
}

function sizeProblem(file: TreeFile): Finding | undefined {
  const limit = isManifestPath(file.path)
    ? MAX_MANIFEST_BYTES
    : MAX_TEMPLATE_FILE_BYTES;
  if (file.size <= limit) return undefined;
  return {
    file: file.path,
    line: 1,
    column: 1,
    path: "",
    message:
      `file is ${describeByteSize(file.size)}, over the limit of ` +
      `${describeByteSize(limit)}; it was not read`,
    fix: isManifestPath(file.path)
      ? "a manifest is a few kilobytes: remove what does not belong in it"
      : "keep large files out of templates; build them into images instead",
    severity: "error",
  };
}
