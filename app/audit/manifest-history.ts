/**
 * The git history of one manifest file, following renames: what changed
 * the environment, when, by whom.
 */
import { simpleGit } from "simple-git";

export interface ManifestCommit {
  commit: string;
  /** When the commit was made (committer date), ISO 8601. */
  time: string;
  author: string;
  subject: string;
}

const FIELD = "\x1f";
const RECORD = "\x1e";

/** Commits up to `ref` that touched `path`, newest first. */
export async function manifestHistory(
  repoDir: string,
  ref: string,
  path: string,
): Promise<ManifestCommit[]> {
  const output = await simpleGit(repoDir).raw([
    "log",
    "--follow",
    `--format=%H${FIELD}%cI${FIELD}%an${FIELD}%s${RECORD}`,
    ref,
    "--",
    path,
  ]);
  return output
    .split(RECORD)
    .map((record) => record.trim())
    .filter(Boolean)
    .map((record) => {
      const [commit = "", time = "", author = "", subject = ""] =
        record.split(FIELD);
      return { commit, time: new Date(time).toISOString(), author, subject };
    });
}
