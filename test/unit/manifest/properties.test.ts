import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import {
  parseManifest,
  type ParsedManifest,
} from "../../../app/manifest/parse-manifest.js";
import { VALID_MANIFEST } from "./manifest-text.js";

const FILE = "environments/fuzz.yaml";

/** Every result: a manifest and no findings, or findings that make sense. */
function expectSound(result: ParsedManifest, text?: string): void {
  if (result.manifest) {
    expect(result.findings).toEqual([]);
    return;
  }
  expect(result.findings.length).toBeGreaterThan(0);
  const lines = text === undefined ? Infinity : text.split(/\r\n?|\n/).length;
  for (const finding of result.findings) {
    expect(finding.file).toBe(FILE);
    expect(finding.severity).toBe("error");
    expect(finding.message).not.toBe("");
    expect(finding.message).not.toContain("bug in Berth");
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.line).toBeLessThanOrEqual(lines + 1);
    expect(finding.column).toBeGreaterThanOrEqual(1);
  }
}

const YAML_PIECES = [
  ":",
  ": ",
  "-",
  "- ",
  " ",
  "  ",
  "\n",
  "\r\n",
  "\t",
  "[",
  "]",
  "{",
  "}",
  ",",
  "&a ",
  "*a",
  "&b ",
  "*b",
  "<<: ",
  "---",
  "...",
  "#",
  "|",
  ">",
  "?",
  "!!str ",
  "!!binary ",
  "!x ",
  '"',
  "'",
  "\\",
  "%YAML 1.1",
  "key",
  "spec",
  "env",
  "1.10",
  "012345",
  "NO",
  "~",
  "null",
  "true",
  "__proto__",
  "8080",
  "\ufeff",
  "é",
  "\u0000",
];

const yamlish = fc
  .array(fc.constantFrom(...YAML_PIECES), { maxLength: 60 })
  .map((pieces) => pieces.join(""));

describe("parseManifest never throws", () => {
  it("on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        expectSound(parseManifest(FILE, text), text);
      }),
      { numRuns: 500 },
    );
  });

  it("on strings made of YAML syntax", () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        expectSound(parseManifest(FILE, text), text);
      }),
      { numRuns: 1000 },
    );
  });

  it("on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expectSound(parseManifest(FILE, bytes));
      }),
      { numRuns: 500 },
    );
  });

  it("on arbitrary YAML trees", () => {
    const documents = fc.oneof(
      fc.anything(),
      fc.record({
        apiVersion: fc.constantFrom("berth.dev/v1", fc.anything()),
        kind: fc.constant("Environment"),
        metadata: fc.anything(),
        spec: fc.anything(),
      }),
    );
    fc.assert(
      fc.property(documents, (value) => {
        const text = render(value);
        fc.pre(text !== undefined);
        expectSound(parseManifest(FILE, text as string), text);
      }),
      { numRuns: 500 },
    );
  });

  it("on mutations of a valid manifest", () => {
    fc.assert(
      fc.property(mutation(), (text) => {
        expectSound(parseManifest(FILE, text), text);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("valid manifests", () => {
  const envValue = fc.string({ maxLength: 20 });
  const envKey = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/);

  it("keep every env string exactly, with LF or CRLF", () => {
    fc.assert(
      fc.property(fc.dictionary(envKey, envValue), (env) => {
        fc.pre(!Object.keys(env).includes("__proto__"));
        const text = withEnv(env);

        const lf = parseManifest(FILE, text);
        const crlf = parseManifest(FILE, text.replace(/\n/g, "\r\n"));

        expect(lf.findings).toEqual([]);
        expect(lf.manifest?.spec.env).toEqual(env);
        expect(crlf.manifest).toEqual(lf.manifest);
      }),
      { numRuns: 200 },
    );
  });
});

function render(value: unknown): string | undefined {
  try {
    return stringify(value);
  } catch {
    return undefined;
  }
}

function withEnv(env: Record<string, string>): string {
  const lines = Object.entries(env).map(
    ([key, value]) => `    ${key}: ${JSON.stringify(value)}`,
  );
  const block = lines.length > 0 ? lines.join("\n") : "    {}";
  const body = lines.length > 0 ? `  env:\n${block}\n` : "  env: {}\n";
  return VALID_MANIFEST.replace("  env:\n    LOG_LEVEL: debug\n", () => body);
}

/** The valid manifest with text cut, inserted, or lines moved. */
function mutation(): fc.Arbitrary<string> {
  const size = VALID_MANIFEST.length;
  const at = fc.nat({ max: size });
  const cut = fc
    .tuple(at, fc.nat({ max: 40 }))
    .map(([start, length]) => splice(VALID_MANIFEST, start, length, ""));
  const insert = fc
    .tuple(at, fc.oneof(yamlish, fc.string({ maxLength: 10 })))
    .map(([start, text]) => splice(VALID_MANIFEST, start, 0, text));
  const lines = VALID_MANIFEST.split("\n");
  const swap = fc
    .tuple(fc.nat({ max: lines.length - 1 }), fc.nat({ max: lines.length - 1 }))
    .map(([a, b]) => {
      const copy = [...lines];
      [copy[a], copy[b]] = [copy[b] as string, copy[a] as string];
      return copy.join("\n");
    });
  const repeat = fc
    .nat({ max: lines.length - 1 })
    .map((index) =>
      [...lines.slice(0, index + 1), ...lines.slice(index)].join("\n"),
    );
  return fc.oneof(cut, insert, swap, repeat);
}

function splice(text: string, start: number, length: number, add: string) {
  return text.slice(0, start) + add + text.slice(start + length);
}
