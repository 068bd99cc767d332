import { describe, expect, it } from "vitest";
import type { Finding } from "../../../app/manifest/finding.js";
import { inBatches, toAnnotation } from "../../../app/reporter/annotations.js";

const finding: Finding = {
  file: "environments/pay.yaml",
  line: 12,
  column: 5,
  path: "spec.env.API_VERSION",
  message: "must be a string",
  found: "1.1",
  expected: "a string",
  fix: 'quote it: "1.10"',
  severity: "error",
};

describe("annotations", () => {
  it("puts a finding on its exact line", () => {
    expect(toAnnotation(finding)).toEqual({
      path: "environments/pay.yaml",
      start_line: 12,
      end_line: 12,
      annotation_level: "failure",
      title: "spec.env.API_VERSION",
      message:
        "must be a string\nFound: 1.1\nExpected: a string\n" +
        'Fix: quote it: "1.10"',
    });
    const warning = toAnnotation({ ...finding, severity: "warning", line: 0 });
    expect(warning.annotation_level).toBe("warning");
    expect(warning.start_line).toBe(1);
  });

  it("cuts 120 annotations into batches of 50, 50 and 20", () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    const batches = inBatches(items);
    expect(batches.map((b) => b.length)).toEqual([50, 50, 20]);
    expect(batches.flat()).toEqual(items);
    expect(inBatches([])).toEqual([]);
  });
});
