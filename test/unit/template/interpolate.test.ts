import { describe, expect, it } from "vitest";
import {
  escapeDollars,
  interpolateString,
  tokenize,
} from "../../../app/template/interpolate.js";
import { parseCompose } from "../../../app/template/parse-compose.js";

const FILE = "templates/demo/compose.yaml";

describe("interpolation", () => {
  it("replaces ${name} and turns $$ into $", () => {
    const text = interpolateString("${a}-$${b}-$$", { a: "x", b: "y" });

    expect(text).toBe("x-${b}-$");
  });

  it("splits text, variables and errors", () => {
    expect(tokenize("a ${b} c")).toEqual([
      { kind: "text", text: "a " },
      { kind: "variable", name: "b" },
      { kind: "text", text: " c" },
    ]);
    expect(tokenize("$HOME")[0]?.kind).toBe("error");
    expect(tokenize("${x:-1}")[0]?.kind).toBe("error");
    expect(tokenize("${open")[0]?.kind).toBe("error");
    expect(tokenize("cost $")[1]?.kind).toBe("error");
  });

  it("escapes every $ for Compose", () => {
    expect(escapeDollars("a$b$$c")).toBe("a$$b$$$$c");
  });

  it("reports an unknown ${name} with its line", () => {
    const text = [
      "services:",
      "  web:",
      "    image: x",
      "    environment:",
      "      A: ${known}",
      "      B: ${unknwn}",
    ].join("\n");

    const { findings } = parseCompose(FILE, text, { known: "1" });

    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      file: FILE,
      line: 6,
      path: "services.web.environment.B",
    });
    expect(findings[0]?.message).toContain("${unknwn}");
    expect(findings[0]?.fix).toContain("known");
  });

  it("reports a bare $name and suggests both spellings", () => {
    const text = "services:\n  web:\n    image: x\n    command: echo $HOME\n";

    const { findings } = parseCompose(FILE, text, {});

    expect(findings[0]?.line).toBe(4);
    expect(findings[0]?.fix).toContain("$$HOME");
  });

  it("casts interpolated numbers and booleans where Compose does", () => {
    const text = [
      "services:",
      "  web:",
      "    image: x",
      "    init: ${flag}",
      "    deploy:",
      "      replicas: ${count}",
    ].join("\n");

    const { compose } = parseCompose(FILE, text, { flag: "true", count: "3" });

    expect(compose?.services.web?.init).toBe(true);
    expect(compose?.services.web?.deploy?.replicas).toBe(3);
  });

  it("reports a value that does not fit after interpolation", () => {
    const text =
      "services:\n  web:\n    image: x\n    deploy:\n" +
      "      replicas: ${count}\n";

    const { findings } = parseCompose(FILE, text, { count: "many" });

    expect(findings[0]).toMatchObject({ line: 5 });
  });
});
