/**
 * The `.dockerignore` rules Docker applies to a build context: one glob
 * per line, `#` comments, `!` re-includes, the last matching line wins,
 * and a path is excluded when it or one of its parent folders matches.
 */
import { posix } from "node:path";

interface Rule {
  pattern: RegExp;
  include: boolean;
}

/** A predicate telling whether a context-relative path is excluded. */
export type IgnoreTest = (relativePath: string) => boolean;

/** Builds the exclusion test of a `.dockerignore` text. */
export function parseDockerignore(text: string): IgnoreTest {
  const rules = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map(toRule);

  return (relativePath) => {
    const parts = relativePath.split("/");
    let excluded = false;
    for (const rule of rules) {
      const hit = parts.some((_, i) =>
        rule.pattern.test(parts.slice(0, i + 1).join("/")),
      );
      if (hit) excluded = !rule.include;
    }
    return excluded;
  };
}

function toRule(line: string): Rule {
  const include = line.startsWith("!");
  const raw = include ? line.slice(1).trim() : line;
  const cleaned = posix.normalize(raw).replace(/^\/+/, "").replace(/\/$/, "");
  return { pattern: globToRegExp(cleaned), include };
}

function globToRegExp(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] ?? "";
    if (char === "*" && glob[i + 1] === "*") {
      const slash = glob[i + 2] === "/";
      source += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (char === "*") {
      source += "[^/]*";
    } else if (char === "?") {
      source += "[^/]";
    } else if (char === "[") {
      const end = glob.indexOf("]", i + 1);
      if (end < 0) {
        source += "\\[";
        continue;
      }
      source += `[${glob.slice(i + 1, end).replace(/^!/, "^")}]`;
      i = end;
    } else if (char === "\\" && i + 1 < glob.length) {
      source += escape(glob[i + 1] ?? "");
      i += 1;
    } else {
      source += escape(char);
    }
  }
  return new RegExp(`^${source}$`);
}

function escape(char: string): string {
  return char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
}
