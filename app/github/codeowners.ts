/**
 * A small reader of GitHub's CODEOWNERS file: the owners of a path are
 * those of the last rule that matches it. Supports the common patterns
 * (`*`, `**`, a leading `/`, a trailing `/` for folders). Pure.
 */
export interface CodeownersRule {
  pattern: RegExp;
  owners: string[];
}

/** Parses CODEOWNERS text into rules, in file order. */
export function parseCodeowners(text: string): CodeownersRule[] {
  const rules: CodeownersRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, "").trim();
    if (!line) continue;
    const [pattern = "", ...owners] = line.split(/\s+/);
    rules.push({
      pattern: toRegExp(pattern),
      owners: owners.map((o) => o.replace(/^@/, "")),
    });
  }
  return rules;
}

/** Owners of `path` (users and `org/team` slugs); empty when none. */
export function ownersOf(rules: readonly CodeownersRule[], path: string) {
  let owners: string[] = [];
  for (const rule of rules) {
    if (rule.pattern.test(path)) owners = rule.owners;
  }
  return owners;
}

function toRegExp(pattern: string): RegExp {
  const anchored =
    pattern.startsWith("/") || pattern.slice(0, -1).includes("/");
  const folder = pattern.endsWith("/");
  const body = pattern
    .replace(/^\//, "")
    .replace(/\/$/, "")
    .split("**")
    .map((part) =>
      part
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, "[^/]*")
        .replace(/\?/g, "[^/]"),
    )
    .join(".*");
  const start = anchored ? "^" : "^(?:.*/)?";
  const end = folder ? "/.*$" : "(?:/.*)?$";
  return new RegExp(`${start}${body}${end}`);
}
