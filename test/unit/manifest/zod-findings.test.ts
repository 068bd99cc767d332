import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loadYaml, type LoadedYaml } from "../../../app/manifest/yaml-load.js";
import { zodIssuesToFindings } from "../../../app/manifest/zod-findings.js";

const Compose = z.strictObject({
  services: z.record(
    z.string().regex(/^[a-z]+$/),
    z.strictObject({
      image: z.string().min(1),
      ports: z.array(z.int().min(1)).optional(),
      mode: z.enum(["host", "ingress"]).optional(),
      replicas: z.number().max(5, "at most five replicas fit a laptop"),
    }),
  ),
  version: z.union([z.string(), z.number()]).optional(),
});

const TEXT = `services:
  web:
    image: nginx
    imgae: nginx
    ports: [80, "443", 0]
    mode: swarm
    replicas: 9
  Bad:
    image: x
    replicas: 1
  db:
    replicas: 1
  cache:
    image: ""
    replicas: 1
version: [1]
`;

function findingsFor(schema?: z.core.$ZodType) {
  const { loaded } = loadYaml("compose.yaml", TEXT);
  const result = Compose.safeParse(loaded?.value);
  expect(result.success).toBe(false);
  const issues = result.error?.issues ?? [];
  return zodIssuesToFindings(
    "compose.yaml",
    loaded as LoadedYaml,
    issues,
    schema,
  );
}

describe("zodIssuesToFindings", () => {
  it("points every finding at its node, sorted by position", () => {
    const findings = findingsFor(Compose);

    expect(findings.map((f) => [f.line, f.column, f.path])).toEqual([
      [4, 5, "services.web.imgae"],
      [5, 17, "services.web.ports[1]"],
      [5, 24, "services.web.ports[2]"],
      [6, 11, "services.web.mode"],
      [7, 15, "services.web.replicas"],
      [8, 3, "services.Bad"],
      [11, 3, "services.db.image"],
      [14, 12, "services.cache.image"],
      [16, 10, "version"],
    ]);
  });

  it("suggests known keys only when given the schema", () => {
    const withSchema = findingsFor(Compose)[0];
    const without = findingsFor()[0];

    expect(withSchema?.message).toBe(
      'unknown key "imgae"; did you mean "image"?',
    );
    expect(withSchema?.expected).toBe("one of image, ports, mode, replicas");
    expect(without?.message).toBe('unknown key "imgae"');
    expect(without?.expected).toBeUndefined();
  });

  it("describes each kind of issue readably", () => {
    const byPath = new Map(findingsFor(Compose).map((f) => [f.path, f]));

    expect(byPath.get("services.web.ports[1]")).toMatchObject({
      message: "must be a number, not a string",
      fix: "remove the quotes: 443",
    });
    expect(byPath.get("services.web.ports[2]")).toMatchObject({
      message: "must be at least 1",
      found: "0 (a number)",
    });
    expect(byPath.get("services.web.mode")).toMatchObject({
      message: 'must be one of "host", "ingress"',
      found: '"swarm"',
    });
    expect(byPath.get("services.Bad")).toMatchObject({
      message: 'key "Bad" must match ^[a-z]+$',
      found: '"Bad"',
    });
    expect(byPath.get("services.cache.image")).toMatchObject({
      message: "must not be empty",
    });
    expect(byPath.get("services.db.image")).toMatchObject({
      message: 'required key "image" is missing',
      fix: "add image: under services.db",
    });
    expect(byPath.get("version")).toMatchObject({
      message: "must be a string or a number, not a list",
    });
  });

  it("keeps a message the schema author wrote", () => {
    const finding = findingsFor(Compose).find(
      (f) => f.path === "services.web.replicas",
    );

    expect(finding?.message).toBe("at most five replicas fit a laptop");
    expect(finding?.found).toBe("9 (a number)");
  });
});
