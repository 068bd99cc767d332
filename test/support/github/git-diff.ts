/**
 * The files that changed between two commits, as GitHub lists them for pull
 * requests and comparisons.
 */
import type { Git } from "./git-command.js";

/** One changed file. */
export interface ChangedFile {
  filename: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied";
  previous_filename?: string;
  /** The blob of the file after the change (before, if removed). */
  sha: string;
  additions: number;
  deletions: number;
}

const STATUS: Record<string, ChangedFile["status"]> = {
  A: "added",
  D: "removed",
  M: "modified",
  T: "modified",
  R: "renamed",
  C: "copied",
};

const ZERO = /^0+$/;

async function rawChanges(git: Git, base: string, head: string) {
  const out = await git.text([
    "diff",
    "--raw",
    "-z",
    "-M",
    "--no-abbrev",
    base,
    head,
  ]);
  const parts = out.split("\0");
  const files: ChangedFile[] = [];
  for (let i = 0; i < parts.length - 1;) {
    const meta = (parts[i++] ?? "").replace(/^:/, "").split(" ");
    const [, , oldSha = "", newSha = "", code = "M"] = meta;
    const status = STATUS[code.charAt(0)] ?? "modified";
    const first = parts[i++] ?? "";
    const moved = status === "renamed" || status === "copied";
    const second = moved ? (parts[i++] ?? "") : undefined;
    const file: ChangedFile = {
      filename: second ?? first,
      status,
      sha: ZERO.test(newSha) ? oldSha : newSha,
      additions: 0,
      deletions: 0,
    };
    if (second !== undefined) file.previous_filename = first;
    files.push(file);
  }
  return files;
}

async function lineCounts(git: Git, base: string, head: string) {
  const out = await git.text(["diff", "--numstat", "-z", "-M", base, head]);
  const parts = out.split("\0");
  const counts = new Map<string, [number, number]>();
  for (let i = 0; i < parts.length - 1;) {
    const [added = "0", deleted = "0", path = ""] = (parts[i++] ?? "").split(
      "\t",
    );
    let name = path;
    if (path === "") {
      i++;
      name = parts[i++] ?? "";
    }
    counts.set(name, [Number(added) || 0, Number(deleted) || 0]);
  }
  return counts;
}

/** The files changed from `base` to `head`, with line counts. */
export async function changedFiles(
  git: Git,
  base: string,
  head: string,
): Promise<ChangedFile[]> {
  const [files, counts] = await Promise.all([
    rawChanges(git, base, head),
    lineCounts(git, base, head),
  ]);
  for (const file of files) {
    const [additions, deletions] = counts.get(file.filename) ?? [0, 0];
    file.additions = additions;
    file.deletions = deletions;
  }
  return files;
}

/** The merge base of two commits, or undefined when they share none. */
export function mergeBase(git: Git, a: string, b: string) {
  return git.maybe(["merge-base", a, b]);
}

/** How many commits `head` has that `base` has not. */
export async function countAhead(git: Git, base: string, head: string) {
  return Number(await git.text(["rev-list", "--count", `${base}..${head}`]));
}

/** The commits in `head` that are not in `base`, oldest first. */
export async function commitsBetween(
  git: Git,
  base: string,
  head: string,
  limit = 250,
): Promise<string[]> {
  const out = await git.text([
    "rev-list",
    "--reverse",
    `--max-count=${limit}`,
    `${base}..${head}`,
  ]);
  return out.split("\n").filter(Boolean);
}
