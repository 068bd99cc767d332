import { describe, expect, it } from "vitest";
import { parseCompose } from "../../../app/template/parse-compose.js";
import { checkCompose } from "../../../app/template/check-compose.js";

const FILE = "templates/demo/compose.yaml";

function check(service: string[], extra: string[] = []) {
  const text = [
    "services:",
    "  web:",
    ...service.map((line) => `    ${line}`),
    "volumes:",
    "  data: {}",
    "configs:",
    "  c:",
    "    file: ./c",
    ...extra,
  ].join("\n");
  const parsed = parseCompose(FILE, text, {});
  expect(parsed.findings).toEqual([]);
  if (!parsed.compose || !parsed.loaded) throw new Error("not parsed");
  return checkCompose(FILE, parsed.compose, parsed.loaded);
}

describe("checkCompose", () => {
  it("accepts named volumes, tmpfs and declared configs", () => {
    const findings = check([
      "image: x",
      "volumes: [data:/data, 'data:/ro:ro', {type: tmpfs, target: /tmp}]",
      "configs: [c, {source: c, target: /etc/c, mode: 0o440}]",
    ]);

    expect(findings).toEqual([]);
  });

  it.each([
    ["/srv:/data", "host path"],
    ["./src:/data", "host path"],
    ["~/x:/data", "host path"],
    ["/data", "anonymous volumes"],
    ["other:/data", "volume other is not declared"],
    ["data:/data:z", "volume mode z"],
    ["data:relative", "not an absolute path"],
  ])("refuses the volume %s", (entry, message) => {
    const findings = check(["image: x", `volumes: ['${entry}']`]);

    expect(findings[0]?.message).toContain(message);
    expect(findings[0]?.line).toBe(4);
  });

  it("refuses bind mounts in long syntax", () => {
    const findings = check([
      "image: x",
      "volumes:",
      "  - type: bind",
      "    source: /etc",
      "    target: /host-etc",
    ]);

    expect(findings[0]?.message).toContain("bind mounts are refused");
    expect(findings[0]?.line).toBe(5);
  });

  it("reads a mode written 0440 as decimal and says so", () => {
    const findings = check([
      "image: x",
      "configs:",
      "  - {source: c, mode: 0440}",
    ]);

    expect(findings[0]?.fix).toBe("write 0o440 for an octal mode");
  });

  it("refuses shell operators in a command string", () => {
    const findings = check(["image: x", "command: make && make test"]);

    expect(findings[0]?.message).toContain("shell operator &");
    expect(findings[0]?.line).toBe(4);
  });

  it("refuses image together with build, and neither", () => {
    expect(check(["image: x", "build: ./web"])[0]?.message).toContain(
      "takes no image name",
    );
    expect(check(["user: dev"])[0]?.message).toContain("neither image");
  });

  it("refuses a build context outside the template", () => {
    const findings = check(["build: ../other"]);

    expect(findings[0]?.message).toContain("outside the template folder");
  });

  it("refuses reserved labels", () => {
    const findings = check([
      "image: x",
      "labels: {dev.berth.commit: x}",
      "deploy: {labels: [com.docker.stack.namespace=y]}",
    ]);

    expect(findings.map((f) => f.message)).toEqual([
      "the label dev.berth.commit is reserved for Berth and docker stack",
      "the label com.docker.stack.namespace is reserved for Berth and " +
        "docker stack",
    ]);
  });

  it("refuses environment entries without a value", () => {
    const findings = check(["image: x", "environment: [A=1, HOME]"]);

    expect(findings[0]?.message).toContain("HOME has no value");
  });

  it("refuses a healthcheck with test and disable", () => {
    const findings = check([
      "image: x",
      "healthcheck: {test: [CMD, 'true'], disable: true}",
    ]);

    expect(findings[0]?.message).toContain("cannot be set together");
  });

  it("refuses names that cannot become Swarm names", () => {
    const findings = check(["image: x"], ["  Bad_Name:", "    file: ./x"]);

    expect(findings[0]?.message).toBe("Bad_Name is not a valid name");
  });
});
