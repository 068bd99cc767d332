import { describe, expect, it } from "vitest";
import { durationSeconds, parseComment } from "../../../app/github/command.js";

describe("comment commands", () => {
  it("reads each command with its arguments", () => {
    expect(parseComment("/berth plan")).toEqual({
      kind: "command",
      command: { name: "plan" },
    });
    expect(parseComment("  /berth destroy pay-alice\nthanks")).toEqual({
      kind: "command",
      command: { name: "destroy", environment: "pay-alice" },
    });
    expect(parseComment("/berth extend pay-alice 3d")).toEqual({
      kind: "command",
      command: { name: "extend", environment: "pay-alice", duration: "3d" },
    });
  });

  it("ignores comments that are not commands", () => {
    expect(parseComment("LGTM, /berth plan later")).toEqual({ kind: "none" });
    expect(parseComment("/berthplan")).toEqual({ kind: "none" });
  });

  it("refuses unknown commands, wrong arguments and bad values", () => {
    const unknown = parseComment("/berth deploy");
    expect(unknown).toMatchObject({ kind: "invalid" });
    expect(JSON.stringify(unknown)).toContain("not a Berth command");

    const missing = parseComment("/berth destroy");
    expect(JSON.stringify(missing)).toContain("/berth destroy ENVIRONMENT");

    const extra = parseComment("/berth status now");
    expect(extra.kind).toBe("invalid");

    const badName = parseComment("/berth destroy Pay_Alice");
    expect(JSON.stringify(badName)).toContain("not an environment name");

    const badDuration = parseComment("/berth extend pay 3 days");
    expect(badDuration.kind).toBe("invalid");
    expect(parseComment("/berth extend pay 3w").kind).toBe("invalid");
  });

  it("converts durations to seconds", () => {
    expect(durationSeconds("90m")).toBe(5_400);
    expect(durationSeconds("12h")).toBe(43_200);
    expect(durationSeconds("3d")).toBe(259_200);
  });
});
