import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatFinding } from "../../../app/manifest/finding.js";
import { loadTemplates } from "../../../app/template/load-templates.js";

let repo: string;

beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), "berth-templates-"));
});

afterEach(async () => {
  await rm(repo, { recursive: true, force: true });
});

async function writeTemplate(name: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    const full = join(repo, "templates", name, path);
    await mkdir(join(full, ".."), { recursive: true });
    await writeFile(full, text);
  }
}

const TEMPLATE_YAML = [
  "description: Demo",
  "workspace: web",
  "parameters:",
  "  size: {type: number, default: 1}",
  "ports:",
  "  - {service: web, port: 8080, name: web}",
].join("\n");

const COMPOSE_YAML = [
  "services:",
  "  web:",
  "    build: ./web",
  "    configs: [motd]",
  "configs:",
  "  motd:",
  "    file: ./motd.txt",
].join("\n");

describe("loadTemplates", () => {
  it("loads a template with its build hash and config content", async () => {
    await writeTemplate("demo", {
      "template.yaml": TEMPLATE_YAML,
      "compose.yaml": COMPOSE_YAML,
      "web/Dockerfile": "FROM debian:bookworm-slim\n",
      "motd.txt": "hello\n",
    });

    const { templates, findings } = await loadTemplates(
      join(repo, "templates"),
    );

    expect(findings).toEqual([]);
    const demo = templates.get("demo");
    expect(demo?.ports).toEqual([
      { service: "web", port: 8080, name: "web", protocol: "http" },
    ]);
    expect(demo?.builds[0]).toMatchObject({
      service: "web",
      contextDir: join(repo, "templates/demo/web"),
      dockerfile: "Dockerfile",
    });
    expect(demo?.builds[0]?.contextHash).toMatch(/^[0-9a-f]{64}$/);
    expect(demo?.configData?.motd).toBe(
      Buffer.from("hello\n").toString("base64"),
    );
  });

  it("reports files relative to the repository", async () => {
    await writeTemplate("demo", {
      "template.yaml": TEMPLATE_YAML,
      "compose.yaml": COMPOSE_YAML + "\n    privileged: true\n",
    });

    const { templates, findings } = await loadTemplates(
      join(repo, "templates"),
    );

    expect(templates.size).toBe(0);
    expect(findings.map(formatFinding)).toEqual([
      expect.stringMatching(
        /^templates\/demo\/compose\.yaml:8:5: error: configs\.motd\.privileged/,
      ),
    ]);
  });

  it("reports missing Dockerfiles and config files", async () => {
    await writeTemplate("demo", {
      "template.yaml": TEMPLATE_YAML,
      "compose.yaml": COMPOSE_YAML,
    });

    const { findings } = await loadTemplates(join(repo, "templates"));

    expect(findings.map((f) => [f.file, f.line, f.message])).toEqual([
      [
        "templates/demo/compose.yaml",
        3,
        "the Dockerfile web/Dockerfile does not exist",
      ],
      [
        "templates/demo/compose.yaml",
        7,
        "the config file ./motd.txt does not exist",
      ],
    ]);
  });

  it("checks template.yaml against the Compose services", async () => {
    await writeTemplate("demo", {
      "template.yaml": [
        "description: Demo",
        "workspace: wbe",
        "parameters:",
        "  flavour: {type: enum, values: [a, b], default: c}",
        "ports:",
        "  - {service: web, port: 22, name: ssh}",
        "  - {service: api, port: 80, name: api}",
      ].join("\n"),
      "compose.yaml": "services:\n  web:\n    image: x\n",
    });

    const { findings } = await loadTemplates(join(repo, "templates"));

    expect(findings.map((f) => [f.line, f.message, f.fix])).toEqual([
      [
        4,
        'the default is string "c", expected one of "a", "b"',
        "choose one of the listed values",
      ],
    ]);
  });

  it("checks the workspace and the ports", async () => {
    await writeTemplate("demo", {
      "template.yaml": [
        "description: Demo",
        "workspace: wbe",
        "ports:",
        "  - {service: web, port: 22, name: ssh}",
        "  - {service: api, port: 80, name: api}",
      ].join("\n"),
      "compose.yaml": "services:\n  web:\n    image: x\n",
    });

    const { findings } = await loadTemplates(join(repo, "templates"));

    expect(findings.map((f) => [f.line, f.message])).toEqual([
      [2, "the workspace wbe is not a service of compose.yaml"],
      [4, "port 22 is reserved: Berth reaches workspaces over SSH on port 22"],
      [5, "no service api"],
    ]);
    expect(findings[0]?.fix).toBe("did you mean web?");
  });

  it("reports a missing compose.yaml", async () => {
    await writeTemplate("demo", { "template.yaml": TEMPLATE_YAML });

    const { findings } = await loadTemplates(join(repo, "templates"));

    expect(findings[0]?.message).toBe("templates/demo/compose.yaml is missing");
  });

  it("returns no template and no finding without a templates folder", async () => {
    const result = await loadTemplates(join(repo, "templates"));

    expect(result.templates.size).toBe(0);
    expect(result.findings).toEqual([]);
  });
});
