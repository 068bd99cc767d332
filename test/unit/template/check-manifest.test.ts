import { describe, expect, it } from "vitest";
import { parseManifest } from "../../../app/manifest/parse-manifest.js";
import { checkManifestAgainstTemplate } from "../../../app/template/check-manifest.js";
import type { TemplateSet } from "../../../app/template/types.js";
import { makeTemplate } from "./fixtures.js";

const FILE = "environments/team-alice.yaml";
const TEMPLATES: TemplateSet = new Map([
  ["demo", makeTemplate()],
  [
    "required",
    makeTemplate({
      name: "required",
      parameters: {
        token: { type: "string", description: "API token of the sandbox" },
        greeting: { type: "string", default: "x" },
        replicas: { type: "number", default: 1 },
        debug: { type: "boolean", default: false },
        flavour: { type: "enum", values: ["plain", "fancy"], default: "plain" },
      },
    }),
  ],
]);

function check(spec: string[]) {
  const text = [
    "apiVersion: berth.dev/v1",
    "kind: Environment",
    "metadata:",
    "  name: team-alice",
    "  owners: [alice]",
    "spec:",
    ...spec.map((line) => `  ${line}`),
  ].join("\n");
  const parsed = parseManifest(FILE, text);
  expect(parsed.findings).toEqual([]);
  if (!parsed.manifest || !parsed.loaded) throw new Error("not parsed");
  return checkManifestAgainstTemplate(
    FILE,
    parsed.manifest,
    parsed.loaded,
    TEMPLATES,
  );
}

describe("checkManifestAgainstTemplate", () => {
  it("accepts a manifest that fits its template", () => {
    const findings = check([
      "template: demo",
      "parameters: {greeting: hi, replicas: 2, debug: true, flavour: fancy}",
      "access:",
      "  ports: [{service: workspace, port: 8080, name: web}]",
    ]);

    expect(findings).toEqual([]);
  });

  it("lists the templates when the template is unknown", () => {
    const [finding] = check(["template: dmeo"]);

    expect(finding).toMatchObject({
      file: FILE,
      line: 7,
      path: "spec.template",
      expected: "one of demo, required",
      fix: "did you mean demo?",
    });
  });

  it("suggests the nearest parameter name", () => {
    const [finding] = check(["template: demo", "parameters: {greting: hi}"]);

    expect(finding).toMatchObject({
      line: 8,
      path: "spec.parameters.greting",
      fix: "did you mean greeting?",
    });
  });

  it("reports mistyped parameters", () => {
    const findings = check([
      "template: demo",
      "parameters:",
      '  replicas: "2"',
      "  debug: yes",
      "  flavour: odd",
      "  greeting: 12",
    ]);

    expect(findings.map((f) => [f.line, f.path, f.expected])).toEqual([
      [9, "spec.parameters.replicas", "a number"],
      [10, "spec.parameters.debug", "true or false"],
      [11, "spec.parameters.flavour", 'one of "plain", "fancy"'],
      [12, "spec.parameters.greeting", "text"],
    ]);
    expect(findings[3]?.fix).toBe('quote the value: "12"');
  });

  it("reports missing required parameters", () => {
    const [finding] = check(["template: required"]);

    expect(finding?.message).toBe(
      "template required requires the parameter token",
    );
    expect(finding?.fix).toContain("API token of the sandbox");
  });

  it("lists the ports a template offers", () => {
    const [finding] = check([
      "template: demo",
      "access:",
      "  ports: [{service: workspace, port: 3000, name: app}]",
    ]);

    expect(finding).toMatchObject({
      line: 9,
      path: "spec.access.ports[0]",
      expected: "one of workspace:8080 (web)",
    });
  });

  it("refuses env names Berth sets itself", () => {
    const [finding] = check(["template: demo", "env: {BERTH_OWNERS: me}"]);

    expect(finding?.message).toBe("BERTH_OWNERS is set by Berth itself");
  });

  it("reports parameters that break the Compose file", () => {
    const [finding] = check(["template: demo", "parameters: {replicas: -1}"]);

    expect(finding?.path).toBe("spec.parameters");
    expect(finding?.message).toContain(
      "templates/demo/compose.yaml is invalid at line",
    );
  });
});
