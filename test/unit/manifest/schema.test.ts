import { describe, expect, it } from "vitest";
import { parseManifest } from "../../../app/manifest/parse-manifest.js";
import type { Finding } from "../../../app/manifest/finding.js";
import {
  lineOf,
  MINIMAL_MANIFEST,
  VALID_MANIFEST,
  withLine,
} from "./manifest-text.js";

const FILE = "environments/a.yaml";

function findingsOf(text: string): Finding[] {
  const { manifest, findings } = parseManifest(FILE, text);
  expect(manifest).toBeUndefined();
  return findings;
}

function only(text: string): Finding {
  const findings = findingsOf(text);
  expect(findings).toHaveLength(1);
  return findings[0] as Finding;
}

describe("a valid manifest", () => {
  it("comes out with sizes in bytes and durations in seconds", () => {
    const { manifest, findings } = parseManifest(FILE, VALID_MANIFEST);

    expect(findings).toEqual([]);
    expect(manifest).toEqual({
      apiVersion: "berth.dev/v1",
      kind: "Environment",
      metadata: {
        name: "payments-alice",
        owners: ["alice", "acme/payments"],
        labels: { team: "payments" },
      },
      spec: {
        template: "node-postgres",
        parameters: { nodeVersion: "20" },
        repositories: [
          { url: "https://github.com/acme/payments", ref: "main" },
        ],
        resources: { cpus: 2, memory: 4 * 2 ** 30 },
        env: { LOG_LEVEL: "debug" },
        expiresAfter: 604_800,
        access: {
          ports: [{ service: "workspace", port: 3000, name: "app" }],
        },
      },
    });
  });

  it("gets defaults for every optional part", () => {
    const { manifest, findings } = parseManifest(FILE, MINIMAL_MANIFEST);

    expect(findings).toEqual([]);
    expect(manifest).toEqual({
      apiVersion: "berth.dev/v1",
      kind: "Environment",
      metadata: { name: "demo", owners: ["alice"], labels: {} },
      spec: {
        template: "node-postgres",
        parameters: {},
        repositories: [],
        resources: {},
        env: {},
        access: { ports: [] },
      },
    });
  });

  it("accepts numbers and booleans as parameters", () => {
    const text = withLine(
      'parameters: { nodeVersion: "20" }',
      "parameters: { replicas: 2, debug: true, tag: v1 }",
    );

    const { manifest } = parseManifest(FILE, text);

    expect(manifest?.spec.parameters).toEqual({
      replicas: 2,
      debug: true,
      tag: "v1",
    });
  });
});

describe("unknown keys", () => {
  it("names the key, points at it and suggests the closest", () => {
    const text = VALID_MANIFEST.replace("spec:", "sepc:");

    const finding = only(text);

    expect(finding).toMatchObject({
      line: 7,
      column: 1,
      path: "sepc",
      message: 'unknown key "sepc"; did you mean "spec"?',
      fix: "rename it to spec",
      expected: "one of apiVersion, kind, metadata, spec",
    });
  });

  it.each([
    ["  labels:", "  lables:", "labels"],
    ["  expiresAfter: 7d", "  expireAfter: 7d", "expiresAfter"],
    ["  expiresAfter: 7d", "  expiresafter: 7d", "expiresAfter"],
    ["  resources:", "  resource:", "resources"],
    ["      ref: main", "      ref: main\n      branhc: x", "branch"],
  ])("suggests for %s written as %j", (from, to, suggestion) => {
    const findings = findingsOf(withLine(from, to));
    const unknown = findings.find((f) => f.message.startsWith("unknown"));

    if (suggestion === "branch") {
      expect(unknown?.message).toBe('unknown key "branhc"');
      expect(unknown?.fix).toBe("remove it, or check the spelling");
      return;
    }
    expect(unknown?.message).toContain(`did you mean "${suggestion}"?`);
  });

  it("says a suggested key is already set", () => {
    const text = withLine(
      "  template: node-postgres",
      "  template: a\n  tempate: b",
    );

    const finding = only(text);

    expect(finding.fix).toBe("remove it; template is already set");
  });

  it("reports several unknown keys of one mapping apart", () => {
    const text = withLine(
      "  name: payments-alice",
      "  name: a\n  nmae: b\n  x: 1",
    );

    const findings = findingsOf(text);

    expect(findings.map((f) => [f.line, f.path])).toEqual([
      [5, "metadata.nmae"],
      [6, "metadata.x"],
    ]);
  });
});

describe("missing keys", () => {
  it("points at the parent key and says what to add", () => {
    const text = MINIMAL_MANIFEST.replace(
      "  template: node-postgres\n",
      "  env: {}\n",
    );

    const finding = only(text);

    expect(finding).toMatchObject({
      line: lineOf(text, "spec:"),
      column: 1,
      path: "spec.template",
      message: 'required key "template" is missing',
      fix: "add template: under spec",
    });
  });

  it("gives the literal to write for kind", () => {
    const finding = only(MINIMAL_MANIFEST.replace("kind: Environment\n", ""));

    expect(finding.fix).toBe("add kind: Environment at the top level");
  });

  it("refuses a document that is not a mapping", () => {
    const finding = only("- apiVersion: berth.dev/v1\n");

    expect(finding.message).toBe(
      "must be a mapping of keys to values, not a list",
    );
  });
});

describe("many findings at once", () => {
  const text = `apiVersion: berth.dev/v2
kind: Environment
metadata:
  name: Payments_Alice
  owners: ["@alice", "bob@example.com"]
  labels: { dev.berth.env: x, Team: y }
spec:
  template: node-postgres
  parameters: { nodeVersion: null }
  repositories:
    - url: http://github.com/acme/payments
      ref: "feature..x"
  resources: { cpus: 65, memory: 1Mi }
  env: { 1PASSWORD: x }
  expiresAfter: 91d
  access:
    ports:
      - { service: workspace, port: 0, name: app }
      - { service: workspace, port: "3000", name: app }
`;

  it("reports every problem, sorted by line", () => {
    const findings = findingsOf(text);

    expect(findings.map((f) => `${f.line} ${f.path}`)).toEqual([
      "1 apiVersion",
      "4 metadata.name",
      "5 metadata.owners[0]",
      "5 metadata.owners[1]",
      '6 metadata.labels["dev.berth.env"]',
      "6 metadata.labels.Team",
      "9 spec.parameters.nodeVersion",
      "11 spec.repositories[0].url",
      "12 spec.repositories[0].ref",
      "13 spec.resources.cpus",
      "13 spec.resources.memory",
      '14 spec.env["1PASSWORD"]',
      "15 spec.expiresAfter",
      "18 spec.access.ports[0].port",
      "19 spec.access.ports[1].port",
      "19 spec.access.ports[1].name",
    ]);
    for (const finding of findings) {
      expect(finding.fix, finding.message).toBeTruthy();
    }
  });

  it("says how to fix each", () => {
    const byPath = new Map(findingsOf(text).map((f) => [f.path, f]));

    expect(byPath.get("apiVersion")?.fix).toBe(
      "write apiVersion: berth.dev/v1",
    );
    expect(byPath.get("metadata.owners[0]")?.fix).toBe("drop the @: alice");
    expect(byPath.get("metadata.owners[1]")?.fix).toBe(
      "use the GitHub login, not an e-mail address",
    );
    expect(byPath.get('metadata.labels["dev.berth.env"]')?.message).toContain(
      "which Berth reserves",
    );
    expect(byPath.get("spec.repositories[0].url")?.fix).toBe(
      "use https: https://github.com/acme/payments",
    );
    expect(byPath.get("spec.resources.cpus")?.message).toBe(
      "must be at most 64",
    );
    expect(byPath.get("spec.resources.memory")?.message).toBe(
      "must be at least 6Mi; Docker refuses less",
    );
    expect(byPath.get('spec.env["1PASSWORD"]')?.fix).toBe(
      "rename it to _1PASSWORD",
    );
    expect(byPath.get("spec.expiresAfter")?.message).toBe(
      "must be between 1m and 90d",
    );
    expect(byPath.get("spec.access.ports[1].port")?.fix).toBe(
      "remove the quotes: 3000",
    );
    expect(byPath.get("spec.access.ports[1].name")?.message).toBe(
      'port name "app" is already used by ports[0]',
    );
  });
});

describe("names", () => {
  const nameText = (name: string) =>
    withLine("name: payments-alice", `name: "${name}"`);

  it.each(["a", "payments-alice", "a1", "a".repeat(40)])(
    "accepts %j",
    (name) => {
      expect(parseManifest(FILE, nameText(name)).findings).toEqual([]);
    },
  );

  it.each([
    ["1payments", "does not start with a letter"],
    ["payments-", "ends with '-'"],
    ["pay ments", 'has " "'],
    ["pay_ments", 'has "_"'],
    ["", "is empty"],
  ])("refuses %j", (name, fault) => {
    const finding = only(nameText(name));

    expect(finding.path).toBe("metadata.name");
    expect(finding.message).toContain(fault);
  });

  it("refuses 41 characters, naming the limit", () => {
    const finding = only(nameText("a".repeat(41)));

    expect(finding.message).toMatch(
      /^is 41 characters long; environment names may have at most 40/,
    );
    expect(finding.fix).toBe(
      `shorten it to 40 characters or fewer, e.g. ${"a".repeat(40)}`,
    );
  });

  it("refuses a port name over 15 characters", () => {
    const text = withLine("name: app }", `name: ${"p".repeat(16)} }`);

    expect(only(text).message).toMatch(/^is 16 characters long; port names/);
  });
});

describe("field rules", () => {
  it.each([
    "git@github.com:acme/payments.git",
    "ssh://git@github.com/acme/payments.git",
    "https://gitlab.example.com/group/sub/repo.git",
  ])("accepts the repository URL %s", (url) => {
    const text = withLine("https://github.com/acme/payments", url);

    expect(parseManifest(FILE, text).findings).toEqual([]);
  });

  it.each([
    ["file:///tmp/repo", "uses file, not https or ssh"],
    ["https://user:secret@github.com/a/b", "holds a password"],
    ["https://github.com", "names no repository"],
    ["payments", "is not a URL"],
  ])("refuses the repository URL %s", (url, fault) => {
    const text = withLine("https://github.com/acme/payments", url);

    expect(only(text).message).toContain(fault);
  });

  it("refuses the same repository twice", () => {
    const text = withLine(
      "      ref: main\n",
      "      ref: main\n    - url: https://github.com/acme/payments\n",
    );

    expect(only(text).path).toBe("spec.repositories[1].url");
  });

  it("accepts an org/team owner and refuses a duplicate", () => {
    const text = withLine(
      'owners: ["alice", "acme/payments"]',
      'owners: ["alice", "acme/payments", "Alice"]',
    );

    expect(only(text)).toMatchObject({
      path: "metadata.owners[2]",
      message: "owner is listed twice, first at [0]",
      found: '"Alice"',
    });
  });

  it("asks for a unit on a bare expiresAfter number", () => {
    const finding = only(withLine("expiresAfter: 7d", "expiresAfter: 7"));

    expect(finding.message).toBe(
      "must be a duration with a unit, such as 7d or 7h",
    );
  });

  it("accepts memory as bytes and refuses a boolean", () => {
    const bytes = withLine("memory: 4Gi", "memory: 1073741824");
    const bool = withLine("memory: 4Gi", "memory: true");

    expect(parseManifest(FILE, bytes).manifest?.spec.resources.memory).toBe(
      2 ** 30,
    );
    expect(only(bool).message).toBe("must be a size such as 512Mi or 4Gi");
  });
});
