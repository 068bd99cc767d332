/**
 * Where Berth reads an environments repository from. Two implementations
 * share this seam: a local git repository (the command line and `watch`)
 * and GitHub's API (the GitHub App). Everything above it is the same.
 */
import type { Finding } from "../manifest/finding.js";

/** A commit's `environments/`, `templates/` and settings in a folder. */
export interface MaterialisedCommit {
  /** Folder to give `planRepository` as its root. */
  dir: string;
  commit: string;
  /**
   * Files that were not written because they are too big: each one is a
   * finding, never an empty file, so a refused manifest never reads as a
   * removed one.
   */
  refused: Finding[];
  dispose(): Promise<void>;
}

/** Reads one environments repository, whatever its home. */
export interface RepositorySource {
  /** Writes `commit`'s Berth files to a fresh folder. */
  materialise(commit: string): Promise<MaterialisedCommit>;
  /** Path -> blob id of every file under environments/ and templates/. */
  listFiles(commit: string): Promise<Map<string, string>>;
  /** Contents of `paths` at `commit`; missing files are left out. */
  readFiles(
    commit: string,
    paths: readonly string[],
  ): Promise<Map<string, Buffer>>;
}

/** The folders and files of a repository that Berth reads. */
export const BERTH_FOLDERS = ["environments", "templates"] as const;
/** Single files Berth reads besides those folders. */
export const BERTH_FILES = [".github/berth.yml", ".github/CODEOWNERS"];

/** Manifests larger than this are refused unread. */
export const MAX_MANIFEST_BYTES = 256 * 1024;
/** Template files larger than this are refused (builds stay small). */
export const MAX_TEMPLATE_FILE_BYTES = 20 * 1024 * 1024;
