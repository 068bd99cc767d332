import { describe, expect, it } from "vitest";
import {
  DEFAULT_SETTINGS,
  parseSettings,
} from "../../../app/github/settings.js";

describe("repository settings", () => {
  it("uses the defaults when the file is missing", () => {
    expect(parseSettings(null)).toEqual({
      settings: {
        requireApproval: "none",
        allowApplyBeforeMerge: false,
        commandsFrom: "write",
      },
      problems: [],
    });
  });

  it("reads valid settings", () => {
    const { settings, problems } = parseSettings({
      requireApproval: "owner",
      allowApplyBeforeMerge: true,
    });
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      requireApproval: "owner",
      allowApplyBeforeMerge: true,
      commandsFrom: "write",
    });
  });

  it("reports unknown keys and bad values, and keeps the defaults", () => {
    const result = parseSettings({
      requireAproval: "owner",
      commandsFrom: "everyone",
    });
    expect(result.settings).toEqual(DEFAULT_SETTINGS);
    expect(result.problems.join("\n")).toContain("requireAproval");
    expect(result.problems.join("\n")).toContain("commandsFrom");
    expect(result.problems[0]).toMatch(/^\.github\/berth\.yml: /);
  });
});
