import { z } from "zod";
import { addProblem, quoted, type IssueSink } from "./schema-issue.js";

const SCP_LIKE = /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\s:][^\s]*$/;
const URL_EXPECTED =
  "an https URL (https://github.com/acme/app) or an ssh one " +
  "(git@github.com:acme/app.git or ssh://git@host/acme/app.git)";

/** A git remote Berth can clone: https, ssh:// or scp-like ssh. */
export const gitUrl = z
  .string()
  .superRefine((url, ctx) => checkGitUrl(url, ctx))
  .meta({ description: URL_EXPECTED });

/** A branch, tag or commit, following git's rules for ref names. */
export const gitRef = z.string().superRefine((ref, ctx) => {
  const fault = refFault(ref);
  if (!fault) return;
  addProblem(ctx, {
    message: `ref ${quoted(ref)} is not a valid git ref: it ${fault}`,
    found: quoted(ref),
    expected: "a branch, tag or commit such as main, v1.2.0 or a sha",
    fix: "write the branch, tag or commit exactly as git shows it",
  });
});

function checkGitUrl(url: string, ctx: IssueSink): void {
  if (SCP_LIKE.test(url)) return;

  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  const fault = parsed ? urlFault(parsed) : "is not a URL";
  if (!fault) return;
  const insecure = parsed?.protocol === "http:";
  addProblem(ctx, {
    message: `repository URL ${quoted(url)} ${fault}`,
    found: quoted(url),
    expected: URL_EXPECTED,
    fix: insecure
      ? `use https: ${url.replace(/^http:/, "https:")}`
      : "write the URL you would pass to git clone",
  });
}

function urlFault(url: URL): string | undefined {
  if (url.protocol === "https:") {
    if (url.password) return "holds a password; never put secrets in URLs";
    if (url.pathname.length < 2) return "names no repository";
    return undefined;
  }
  if (url.protocol === "ssh:") {
    return url.pathname.length < 2 ? "names no repository" : undefined;
  }
  return `uses ${url.protocol.replace(":", "")}, not https or ssh`;
}

function refFault(ref: string): string | undefined {
  if (ref === "") return "is empty";
  // Control characters are what this pattern looks for.
  // eslint-disable-next-line no-control-regex
  if (/[\s~^:?*[\\\u0000-\u001f\u007f]/.test(ref)) {
    return "contains a space or one of ~ ^ : ? * [ \\";
  }
  if (ref.includes("..")) return "contains '..'";
  if (ref.includes("@{")) return "contains '@{'";
  if (ref.startsWith("-")) return "starts with '-'";
  if (/(^|\/)\.|\/$|^\/|\/\/|\.lock$|\.$/.test(ref)) {
    return "has a misplaced '/' or '.', or ends with .lock";
  }
  return undefined;
}
