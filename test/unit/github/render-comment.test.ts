import { describe, expect, it } from "vitest";
import type { Finding } from "../../../app/manifest/finding.js";
import {
  COMMENT_LIMIT,
  COMMENT_MARKER,
  renderComment,
} from "../../../app/reporter/render-comment.js";

function findings(count: number, message = "bad value"): Finding[] {
  return Array.from({ length: count }, (_, i) => ({
    file: "environments/big.yaml",
    line: i + 1,
    column: 3,
    path: `spec.env.K${i}`,
    message: `${message} ${i}`,
    severity: "error" as const,
  }));
}

describe("the pull request comment", () => {
  it("starts with the hidden marker and lists everything that fits", () => {
    const body = renderComment({
      title: "plan for abc1234: failure",
      lines: ["changes: `pay`"],
      findings: findings(2),
      planMarkdown: "**Plan: 1 to create**\n\n<details>x</details>",
      checkRunUrl: "https://github.com/o/r/runs/1",
    });
    expect(body.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
    expect(body).toContain("**Findings (2)**");
    expect(body).toContain("`environments/big.yaml:2:3`");
    expect(body).toContain("<details>x</details>");
    expect(body).toContain("https://github.com/o/r/runs/1");
    expect(body).not.toContain("Not shown here");
  });

  it("stays under the limit and says what was cut", () => {
    const body = renderComment({
      title: "plan",
      lines: [],
      findings: findings(120, "x".repeat(2_000)),
      checkRunUrl: "https://github.com/o/r/runs/1",
    });
    expect(body.length).toBeLessThan(COMMENT_LIMIT);
    expect(body).toContain("**Findings (120)**");
    expect(body).toMatch(/Not shown here.*\d+ findings/);
    expect(body).toContain("(https://github.com/o/r/runs/1)");
  });

  it("cuts plan sections that do not fit", () => {
    const section = `<details>\n${"y".repeat(40_000)}\n</details>`;
    const body = renderComment({
      title: "plan",
      lines: [],
      findings: [],
      planMarkdown: ["**Plan**", section, section, section].join("\n\n"),
    });
    expect(body.length).toBeLessThan(COMMENT_LIMIT);
    expect(body).toContain("2 plan sections");
  });

  it("escapes HTML from manifests, so the marker cannot be forged", () => {
    const body = renderComment({
      title: "plan",
      lines: [],
      findings: findings(1, "<!-- berth -->"),
    });
    expect(body.indexOf(COMMENT_MARKER)).toBe(0);
    expect(body.lastIndexOf(COMMENT_MARKER)).toBe(0);
  });
});
