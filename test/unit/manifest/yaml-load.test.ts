import { describe, expect, it } from "vitest";
import { loadYaml, type LoadedYaml } from "../../../app/manifest/yaml-load.js";

const load = (text: string | Uint8Array) => loadYaml("f.yaml", text);

function loaded(text: string): LoadedYaml {
  const result = load(text);
  expect(result.findings).toEqual([]);
  return result.loaded as LoadedYaml;
}

describe("loadYaml: YAML 1.2 core schema", () => {
  it("reads YAML 1.1 words as strings and numbers as numbers", () => {
    const text = [
      "a: NO",
      "b: on",
      "c: yes",
      "d: Off",
      "e: 1.10",
      "f: 012345",
      "g: 0x1F",
      "h: True",
      "i: ~",
      "j: 1_000",
      "k: 2001-01-01",
      "",
    ].join("\n");

    expect(loaded(text).value).toEqual({
      a: "NO",
      b: "on",
      c: "yes",
      d: "Off",
      e: 1.1,
      f: 12345,
      g: 31,
      h: true,
      i: null,
      j: "1_000",
      k: "2001-01-01",
    });
  });

  it("ignores a %YAML 1.1 directive", () => {
    expect(loaded("%YAML 1.1\n---\na: yes\n").value).toEqual({ a: "yes" });
  });

  it("leaves a top level that is not a mapping to the caller", () => {
    expect(loaded("- a\n- b\n").value).toEqual(["a", "b"]);
    expect(loaded("text\n").value).toBe("text");
  });

  it("keeps __proto__ as an own key without touching prototypes", () => {
    const value = loaded("__proto__: { polluted: 1 }\n").value as object;

    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("loadYaml: encodings", () => {
  it("drops a byte order mark from a string", () => {
    expect(loaded("\ufeffa: 1\n").value).toEqual({ a: 1 });
  });

  it.each([
    ["UTF-16BE", [0xfe, 0xff, 0x00, 0x61]],
    ["UTF-32LE", [0xff, 0xfe, 0x00, 0x00, 0x61, 0, 0, 0]],
    ["UTF-32BE", [0x00, 0x00, 0xfe, 0xff, 0, 0, 0, 0x61]],
  ])("refuses %s", (name, bytes) => {
    const { findings } = load(new Uint8Array(bytes));

    expect(findings[0]?.message).toBe(
      `manifest must be UTF-8; it starts with a ${name} byte order mark`,
    );
  });

  it("refuses UTF-16 without a byte order mark", () => {
    const { findings } = load(Buffer.from("a: 1\n", "utf16le"));

    expect(findings[0]?.message).toMatch(/^manifest must be UTF-8; it holds/);
  });

  it("points at the first byte that is not UTF-8", () => {
    const bytes = Buffer.concat([
      Buffer.from("a: 1\nname: caf"),
      Buffer.from([0xe9]),
      Buffer.from("\n"),
    ]);

    const { findings } = load(bytes);

    expect(findings[0]).toMatchObject({ line: 2, column: 10 });
    expect(findings[0]?.message).toBe(
      "manifest must be UTF-8; byte 0xE9 is not valid UTF-8",
    );
  });

  it("accepts multi-byte UTF-8", () => {
    expect(loaded("name: café ☕ 𝄞\n").value).toEqual({ name: "café ☕ 𝄞" });
  });

  it("refuses control characters with their position", () => {
    const { findings } = load("a: 1\nb: x\u0007y\n");

    expect(findings[0]).toMatchObject({ line: 2, column: 5 });
    expect(findings[0]?.message).toContain("U+0007");
  });
});

describe("loadYaml: line endings", () => {
  const text = "a:\n  b: |\n    one\n    two\n  c: [1, 2]\n";

  it("reads CRLF and CR like LF, block scalars included", () => {
    const lf = loaded(text).value;

    expect(loaded(text.replace(/\n/g, "\r\n")).value).toEqual(lf);
    expect(loaded(text.replace(/\n/g, "\r")).value).toEqual(lf);
    expect(lf).toEqual({ a: { b: "one\ntwo\n", c: [1, 2] } });
  });

  it("keeps every position with CRLF", () => {
    const crlf = loaded(text.replace(/\n/g, "\r\n"));
    const lf = loaded(text);

    for (const path of [["a"], ["a", "b"], ["a", "c", 1]]) {
      expect(crlf.locate(path)).toEqual(lf.locate(path));
      expect(crlf.locateKey(path)).toEqual(lf.locateKey(path));
    }
  });

  it("reports the same findings for CRLF", () => {
    const bad = "a: 1\nb:\n  c: 1\n  c: 2\n";

    const lf = load(bad).findings;

    expect(load(bad.replace(/\n/g, "\r\n")).findings).toEqual(lf);
  });
});

describe("loadYaml: refused constructs", () => {
  it("refuses merge keys and says to write the keys out", () => {
    const { findings } = load("base: &b { x: 1 }\nother:\n  <<: *b\n");

    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 3, column: 3, path: "other" });
    expect(findings[0]?.message).toBe("merge keys (<<) are not supported");
    expect(findings[0]?.fix).toContain("write the keys out");
  });

  it("allows a quoted << key", () => {
    expect(loaded('"<<": 1\n').value).toEqual({ "<<": 1 });
  });

  it("refuses tags outside the core schema and allows !!str", () => {
    const { findings } = load("a: !!binary aGk=\nb: !custom x\n");

    expect(findings.map((f) => f.message)).toEqual([
      "the tag !!binary is not supported",
      "the tag !custom is not supported",
    ]);
    expect(loaded("a: !!str 1.10\n").value).toEqual({ a: "1.10" });
  });

  it("refuses keys that are lists, mappings or aliases", () => {
    expect(load("? [a, b]\n: 1\n").findings[0]?.message).toBe(
      "a key must be a single value, not a list or mapping",
    );
    expect(load("a: &k x\n*k : 1\n").findings[0]?.message).toBe(
      "an alias cannot be used as a key",
    );
  });

  it("refuses an alias without anchor and one inside its anchor", () => {
    expect(load("a: *nowhere\n").findings[0]?.message).toBe(
      "alias *nowhere refers to no anchor &nowhere above it",
    );
    expect(load("a: &x [1, *x]\n").findings[0]?.message).toBe(
      "alias *x refers to a value that contains it",
    );
  });

  it("refuses nesting deeper than 64 levels", () => {
    const deep = `a: ${"[".repeat(80)}${"]".repeat(80)}\n`;

    const { findings } = load(deep);

    expect(findings[0]?.message).toBe("nested more than 64 levels deep");
  });

  it("reports syntax errors with their line", () => {
    const { findings } = load('a: 1\nb: "open\n');

    expect(findings[0]?.line).toBe(2);
    expect(findings[0]?.message).toMatch(/^invalid YAML: missing closing/);
  });

  it("reports every duplicate key at once", () => {
    const { findings } = load("a: 1\na: 2\nb:\n  c: 1\n  c: 2\n");

    expect(findings.map((f) => f.line)).toEqual([2, 5]);
  });
});

describe("loadYaml: aliases", () => {
  it("allows a few plain aliases", () => {
    const value = loaded("a: &x { k: v }\nb: *x\nc: *x\n").value;

    expect(value).toEqual({ a: { k: "v" }, b: { k: "v" }, c: { k: "v" } });
  });

  it("counts alias uses against maxAliases", () => {
    const text = "a: &x 1\nb: [*x, *x, *x]\n";

    const strict = loadYaml("f.yaml", text, { maxBytes: 1000, maxAliases: 2 });
    const none = loadYaml("f.yaml", text, { maxBytes: 1000, maxAliases: 0 });
    const enough = loadYaml("f.yaml", text, { maxBytes: 1000, maxAliases: 3 });

    expect(strict.findings[0]).toMatchObject({ line: 2, column: 13 });
    expect(none.findings[0]).toMatchObject({ line: 2, column: 5 });
    expect(enough.findings).toEqual([]);
  });

  it("counts the values an alias copies", () => {
    const big = `[${Array.from({ length: 200 }, (_, i) => i).join(",")}]`;
    const text = `a: &x ${big}\nb: [${Array(60).fill("*x").join(",")}]\n`;

    const { findings } = load(text);

    expect(findings[0]?.message).toMatch(/^aliases expand too far/);
  });
});

describe("loadYaml: limits", () => {
  it("refuses a file over maxBytes before parsing it", () => {
    const result = loadYaml("f.yaml", "a: [", { maxBytes: 3, maxAliases: 1 });

    expect(result.findings[0]?.message).toBe(
      "file is 4 bytes, over the limit of 3 bytes; it was not read",
    );
  });

  it("counts bytes, not characters", () => {
    const text = "a: ééé\n";

    const result = loadYaml("f.yaml", text, { maxBytes: 9, maxAliases: 1 });

    expect(result.findings[0]?.message).toMatch(/^file is 10 bytes/);
  });
});

describe("LoadedYaml: locate, locateKey and sourceText", () => {
  const doc = loaded(
    [
      "spec:",
      "  env:",
      "    A: 1.10",
      "    B:",
      "  ports:",
      "    - name: app",
      "    - &p { name: db }",
      "  copy: *p",
      "",
    ].join("\n"),
  );

  it("finds values and keys by path", () => {
    expect(doc.locate(["spec", "env", "A"])).toEqual({ line: 3, column: 8 });
    expect(doc.locateKey(["spec", "env", "A"])).toEqual({
      line: 3,
      column: 5,
    });
    expect(doc.locate(["spec", "ports", 1, "name"])).toEqual({
      line: 7,
      column: 18,
    });
  });

  it("shows an empty value at its key", () => {
    expect(doc.locate(["spec", "env", "B"])).toEqual({ line: 4, column: 5 });
  });

  it("falls back to the nearest existing parent", () => {
    expect(doc.locate(["spec", "env", "C"])).toEqual({ line: 3, column: 5 });
    expect(doc.locateKey(["spec", "env", "C"])).toEqual({
      line: 2,
      column: 3,
    });
    expect(doc.locate(["nothing", "here"])).toEqual({ line: 1, column: 1 });
  });

  it("follows aliases", () => {
    expect(doc.locate(["spec", "copy", "name"])).toEqual({
      line: 7,
      column: 18,
    });
  });

  it("returns the source text of scalars", () => {
    expect(doc.sourceText?.(["spec", "env", "A"])).toBe("1.10");
    expect(doc.sourceText?.(["spec", "env", "B"])).toBe("");
    expect(doc.sourceText?.(["spec", "env"])).toBeUndefined();
    expect(doc.sourceText?.(["spec", "env", "C"])).toBeUndefined();
  });
});
