import { describe, expect, it } from "vitest";
import { formatFinding } from "../../../app/manifest/finding.js";
import { parseManifest } from "../../../app/manifest/parse-manifest.js";
import { loadYaml } from "../../../app/manifest/yaml-load.js";
import { lineOf, VALID_MANIFEST, withLine } from "./manifest-text.js";

const FILE = "environments/payments-alice.yaml";

describe("case 1: YAML 1.1 booleans and numbers", () => {
  const text = withLine(
    "    LOG_LEVEL: debug\n",
    [
      "    COUNTRY: NO",
      "    FEATURE_X: on",
      "    API_VERSION: 1.10",
      "    ZIP: 012345",
      "",
    ].join("\n"),
  );

  it("keeps NO and on as strings and reads 1.10 and 012345 as numbers", () => {
    const { loaded } = parseManifest(FILE, text);

    const value = loaded?.value as { spec: { env: Record<string, unknown> } };
    expect(value.spec.env).toEqual({
      COUNTRY: "NO",
      FEATURE_X: "on",
      API_VERSION: 1.1,
      ZIP: 12345,
    });
  });

  it("names spec.env.API_VERSION, its line, and says to quote it", () => {
    const { manifest, findings } = parseManifest(FILE, text);

    expect(manifest).toBeUndefined();
    expect(findings.map((f) => f.path)).toEqual([
      "spec.env.API_VERSION",
      "spec.env.ZIP",
    ]);
    const [version, zip] = findings;
    expect(version).toMatchObject({
      file: FILE,
      line: lineOf(text, "API_VERSION"),
      column: 18,
      message: "must be a string, but YAML reads 1.10 as a number",
      found: "1.10 (a number)",
      expected: "a string",
      fix: 'quote it: "1.10"',
      severity: "error",
    });
    expect(zip?.fix).toBe('quote it: "012345"');
    expect(formatFinding(version!)).toContain(
      `${FILE}:${lineOf(text, "API_VERSION")}:18: error: spec.env.API_VERSION`,
    );
  });

  it("refuses booleans and null in env as well", () => {
    const text2 = withLine(
      "    LOG_LEVEL: debug\n",
      "    DEBUG: true\n    EMPTY:\n    NIL: null\n",
    );

    const { findings } = parseManifest(FILE, text2);

    expect(findings.map((f) => [f.path, f.fix])).toEqual([
      ["spec.env.DEBUG", 'quote it: "true"'],
      ["spec.env.EMPTY", 'write a value, or "" for an empty string'],
      ["spec.env.NIL", 'quote it: "null"'],
    ]);
  });
});

describe("case 2: duplicate keys", () => {
  it("refuses spec twice, naming both lines", () => {
    const text = `${VALID_MANIFEST}spec:\n  template: other\n`;

    const { manifest, findings } = parseManifest(FILE, text);

    expect(manifest).toBeUndefined();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 19, column: 1, path: "spec" });
    expect(findings[0]?.message).toBe(
      'duplicate key "spec": first at line 7, again at line 19',
    );
  });

  it('refuses 8080: and "8080": in one mapping', () => {
    const text = 'ports:\n  8080: web\n  "8080": api\n';

    const { loaded, findings } = loadYaml("compose.yaml", text);

    expect(loaded).toBeUndefined();
    expect(findings[0]).toMatchObject({ line: 3, column: 3 });
    expect(findings[0]?.message).toBe(
      'duplicate key "8080": first at line 2, again at line 3',
    );
  });

  it("compares keys by resolved value, such as 1 and 1.0", () => {
    const { findings } = loadYaml("a.yaml", "a:\n  1: x\n  1.0: y\n");

    expect(findings[0]?.message).toContain("first at line 2");
  });
});

describe("case 3: alias bomb", () => {
  const levels = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
  const lines = levels.map((name, index) => {
    const items =
      index === 0
        ? Array(9).fill('"lol"')
        : Array(9).fill(`*${levels[index - 1]}`);
    return `${name}: &${name} [${items.join(",")}]`;
  });
  const bomb = `${lines.join("\n")}\n`;

  it("is about 300 bytes and nests nine levels", () => {
    expect(bomb.length).toBeGreaterThan(250);
    expect(bomb.length).toBeLessThan(400);
  });

  it("is refused in milliseconds with flat memory", () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();

    const { manifest, loaded, findings } = parseManifest(FILE, bomb);

    const elapsed = performance.now() - start;
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    expect(elapsed).toBeLessThan(100);
    expect(heapGrowth).toBeLessThan(32 * 1024 * 1024);
    expect(manifest).toBeUndefined();
    expect(loaded).toBeUndefined();
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(/^aliases expand too far/);
    expect(findings[0]?.fix).toContain("write the repeated values out");
  });
});

describe("case 4: encodings and line endings", () => {
  it("(a) drops a UTF-8 byte order mark", () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(VALID_MANIFEST),
    ]);

    const { manifest, loaded, findings } = parseManifest(FILE, bytes);

    expect(findings).toEqual([]);
    expect(Object.keys(loaded?.value as object)[0]).toBe("apiVersion");
    expect(manifest).toEqual(parseManifest(FILE, VALID_MANIFEST).manifest);
  });

  it("(b) refuses UTF-16LE: manifest must be UTF-8", () => {
    const bytes = Buffer.from(`\ufeff${VALID_MANIFEST}`, "utf16le");

    const { manifest, findings } = parseManifest(FILE, bytes);

    expect(manifest).toBeUndefined();
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(/^manifest must be UTF-8/);
    expect(findings[0]?.message).toContain("UTF-16LE");
  });

  it("(c) reports a tab in the indentation with line and column", () => {
    const text = withLine("  template: node-postgres", "\ttemplate: x");

    const { findings } = parseManifest(FILE, text);

    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 8, column: 1 });
    expect(findings[0]?.message).toContain("tab");
    expect(findings[0]?.fix).toContain("spaces");
  });

  it("(d) reads CRLF exactly as LF", () => {
    const crlf = VALID_MANIFEST.replace(/\n/g, "\r\n");

    const lf = parseManifest(FILE, VALID_MANIFEST);
    const fromCrlf = parseManifest(FILE, crlf);

    expect(fromCrlf.findings).toEqual([]);
    expect(fromCrlf.manifest).toEqual(lf.manifest);
    expect(JSON.stringify(fromCrlf.manifest)).toBe(JSON.stringify(lf.manifest));
  });
});

describe("case 5: several documents", () => {
  it("refuses a second document, naming its line", () => {
    const { loaded, findings } = loadYaml("a.yaml", "name: a\n---\nname: b\n");

    expect(loaded).toBeUndefined();
    expect(findings.map((f) => f.message)).toEqual([
      "one environment per file; found a second document at line 2",
    ]);
  });

  it("counts a file ending in a lone ---", () => {
    const text = `${VALID_MANIFEST}---\n`;

    const { manifest, findings } = parseManifest(FILE, text);

    expect(manifest).toBeUndefined();
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe(
      "one environment per file; found a second document at line 19",
    );
    expect(findings[0]?.line).toBe(19);
  });

  it("counts a trailing --- without a final newline", () => {
    const { findings } = loadYaml("a.yaml", "---\nname: a\n---");

    expect(findings[0]?.message).toBe(
      "one environment per file; found a second document at line 3",
    );
  });
});

describe("case 6: names that Docker refuses", () => {
  const nameFinding = (name: string) => {
    const text = withLine("name: payments-alice", `name: ${name}`);
    const { manifest, findings } = parseManifest(FILE, text);
    expect(manifest).toBeUndefined();
    return findings.filter((f) => f.path === "metadata.name");
  };

  it("refuses 64 characters, naming the derived object name", () => {
    const name = `a${"b".repeat(63)}`;

    const findings = nameFinding(name);

    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 4, column: 9 });
    expect(findings[0]?.message).toContain(`"${name}_workspace"`);
    expect(findings[0]?.message).toContain("74 characters");
    expect(findings[0]?.message).toContain("Docker's limit of 63");
    expect(findings[0]?.expected).toContain("^[a-z]([a-z0-9-]*[a-z0-9])?$");
  });

  it.each([
    ["payments.alice", '"."'],
    ["paymënts-alice", '"ë" (not ASCII)'],
    ["Payments-Alice", "upper-case letters"],
  ])("refuses %s, giving the pattern", (name, fault) => {
    const findings = nameFinding(name);

    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain(
      "must be a lowercase DNS label matching ^[a-z]([a-z0-9-]*[a-z0-9])?$",
    );
    expect(findings[0]?.message).toContain(fault);
    expect(findings[0]?.fix).toBe("rename it, e.g. payments-alice");
  });
});

describe("case 7: huge file", () => {
  const huge = `${VALID_MANIFEST}# ${"x".repeat(1_300_000)}\n`;

  it("refuses 1.3 MB with its size and the limit", () => {
    const { manifest, loaded, findings } = parseManifest(FILE, huge);

    expect(manifest).toBeUndefined();
    expect(loaded).toBeUndefined();
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("1,300,");
    expect(findings[0]?.message).toContain("262,144 bytes");
    expect(findings[0]?.message).not.toContain("empty");
  });

  it("checks the size before decoding bytes", () => {
    const zeros = new Uint8Array(1_300_000);

    const { findings } = parseManifest(FILE, zeros);

    expect(findings[0]?.message).toMatch(/^file is 1\.2 MiB/);
  });

  it("never reads an empty file as an empty environment", () => {
    for (const text of ["", "\n\n", "# only a comment\n", "---\n"]) {
      const { manifest, findings } = parseManifest(FILE, text);

      expect(manifest).toBeUndefined();
      expect(findings.map((f) => f.message)).toEqual(["file is empty"]);
    }
  });
});

describe("secrets in findings", () => {
  it("never repeats the value of a secret-named variable", () => {
    const text = VALID_MANIFEST.replace(
      "  env:\n",
      "  env:\n    DB_PASSWORD: 987654321\n",
    );
    const { findings } = parseManifest("environments/a.yaml", text);
    const finding = findings.find((f) => f.path === "spec.env.DB_PASSWORD");

    expect(finding).toBeDefined();
    expect(JSON.stringify(finding)).not.toContain("987654321");
    expect(finding?.fix).toContain("<hidden>");
  });
});
