/**
 * Finds the manifest file of an environment in a git repository. Identity
 * is `metadata.name`, not the file name, so the file is found by its
 * content: at the given commit, or else in history, for an environment
 * whose manifest was deleted.
 */
import { simpleGit } from "simple-git";

/** A DNS label, as manifests name environments. */
const ENVIRONMENT_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The path of the manifest naming `environment`, relative to the
 * repository; undefined when no commit up to `ref` ever had one.
 * @throws Error when `environment` is not a valid name.
 */
export async function findManifestPath(
  repoDir: string,
  ref: string,
  environment: string,
): Promise<string | undefined> {
  if (!ENVIRONMENT_NAME.test(environment)) {
    throw Object.assign(
      new Error(
        `${environment} is not an environment name: use lowercase ` +
          "letters, digits and dashes, as in metadata.name",
      ),
      { name: "UsageError" },
    );
  }
  const pattern = namePattern(environment);
  return (
    (await findAtRef(repoDir, ref, pattern, environment)) ??
    (await findInHistory(repoDir, ref, pattern))
  );
}

function namePattern(environment: string): string {
  const space = "[[:space:]]";
  return `^${space}+name:${space}*["']?${environment}["']?${space}*(#.*)?$`;
}

async function findAtRef(
  repoDir: string,
  ref: string,
  pattern: string,
  environment: string,
): Promise<string | undefined> {
  const output = await simpleGit(repoDir)
    .raw(["grep", "-l", "-E", pattern, ref, "--", "environments"])
    .catch(() => "");
  const files = output
    .split("\n")
    .filter(Boolean)
    .map((line) => line.slice(line.indexOf(":") + 1));
  const named = files.find((file) =>
    new RegExp(`/${environment}\\.ya?ml$`).test(file),
  );
  return named ?? files[0];
}

async function findInHistory(
  repoDir: string,
  ref: string,
  pattern: string,
): Promise<string | undefined> {
  const output = await simpleGit(repoDir).raw([
    "log",
    "--format=",
    "--name-only",
    "--extended-regexp",
    `-G${pattern}`,
    ref,
    "--",
    "environments",
  ]);
  return output.split("\n").find(Boolean);
}
