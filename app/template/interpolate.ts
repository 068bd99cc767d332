/**
 * `${name}` interpolation of template parameters in Compose values, with
 * Compose's rules: `$$` is a literal `$`, and any other `$` is an error
 * (Compose would otherwise read it as a variable of the shell that runs
 * `docker stack deploy`). Keys are never interpolated, as in Compose.
 */
export type Token =
  | { kind: "text"; text: string }
  | { kind: "variable"; name: string }
  | { kind: "error"; message: string; fix: string };

/** A problem in one string of the Compose tree, by its path. */
export interface InterpolationProblem {
  path: (string | number)[];
  message: string;
  fix: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const BARE_NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Splits a string into literal text, variables and errors. */
export function tokenize(value: string): Token[] {
  const tokens: Token[] = [];
  let text = "";
  let i = 0;
  while (i < value.length) {
    const dollar = value.indexOf("$", i);
    if (dollar < 0) {
      text += value.slice(i);
      break;
    }
    text += value.slice(i, dollar);
    const { token, next } = readDollar(value, dollar);
    if (token.kind === "text") {
      text += token.text;
    } else {
      if (text) tokens.push({ kind: "text", text });
      text = "";
      tokens.push(token);
    }
    i = next;
  }
  if (text) tokens.push({ kind: "text", text });
  return tokens;
}

function readDollar(value: string, at: number): { token: Token; next: number } {
  const rest = value.slice(at + 1);
  if (rest.startsWith("$")) {
    return { token: { kind: "text", text: "$" }, next: at + 2 };
  }
  if (rest.startsWith("{")) return readBraced(value, at);

  const bare = BARE_NAME.exec(rest)?.[0];
  const message = bare
    ? `$${bare} is not interpolated by Berth`
    : "a single $ is not allowed in a Compose value";
  const fix = bare
    ? `write \${${bare}} for a template parameter, or $$${bare} ` +
      "for a literal dollar sign"
    : "write $$ for a literal dollar sign";
  return {
    token: { kind: "error", message, fix },
    next: at + 1 + (bare?.length ?? 0),
  };
}

function readBraced(value: string, at: number) {
  const close = value.indexOf("}", at);
  if (close < 0) {
    const token: Token = {
      kind: "error",
      message: "${ is not closed",
      fix: "close it with }, or write $$ for a literal dollar sign",
    };
    return { token, next: value.length };
  }
  const name = value.slice(at + 2, close);
  const token: Token = NAME.test(name)
    ? { kind: "variable", name }
    : {
        kind: "error",
        message: `\${${name}} is not a parameter reference`,
        fix:
          "write ${name} with a parameter name only; defaults belong " +
          "in template.yaml",
      };
  return { token, next: close + 1 };
}

/** Replaces every `${name}` of `value`; the caller checked the names. */
export function interpolateString(
  value: string,
  variables: Readonly<Record<string, string>>,
): string {
  return tokenize(value)
    .map((token) => {
      if (token.kind === "text") return token.text;
      if (token.kind === "variable") return variables[token.name] ?? "";
      return "";
    })
    .join("");
}

/** Interpolates every string value of a parsed YAML tree (not keys). */
export function interpolateTree(
  value: unknown,
  variables: Readonly<Record<string, string>>,
): unknown {
  if (typeof value === "string") return interpolateString(value, variables);
  if (Array.isArray(value)) {
    return value.map((item) => interpolateTree(item, variables));
  }
  if (isRecord(value)) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      result[key] = interpolateTree(item, variables);
    }
    return result;
  }
  return value;
}

/**
 * Lists every malformed `$` and every `${name}` that names no known
 * variable, with the path of the string it is in.
 */
export function findInterpolationProblems(
  value: unknown,
  known: ReadonlySet<string>,
  path: (string | number)[] = [],
): InterpolationProblem[] {
  if (typeof value === "string") return stringProblems(value, known, path);
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : isRecord(value)
      ? Object.entries(value)
      : [];
  return entries.flatMap(([key, item]) =>
    findInterpolationProblems(item, known, [...path, key]),
  );
}

function stringProblems(
  value: string,
  known: ReadonlySet<string>,
  path: (string | number)[],
): InterpolationProblem[] {
  const problems: InterpolationProblem[] = [];
  for (const token of tokenize(value)) {
    if (token.kind === "error") {
      problems.push({ path, message: token.message, fix: token.fix });
    } else if (token.kind === "variable" && !known.has(token.name)) {
      problems.push({
        path,
        message: `\${${token.name}} names no parameter of the template`,
        fix:
          `declare ${token.name} under parameters in template.yaml ` +
          `(known: ${[...known].sort().join(", ")})`,
      });
    }
  }
  return problems;
}

/** Escapes every `$` so that Compose reads the text literally. */
export function escapeDollars(value: string): string {
  return value.replaceAll("$", "$$$$");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
