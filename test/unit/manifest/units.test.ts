import { describe, expect, it } from "vitest";
import {
  formatDuration,
  parseDuration,
  parseSize,
} from "../../../app/manifest/units.js";

describe("parseDuration", () => {
  it.each([
    ["90s", 90],
    ["30m", 1_800],
    ["12h", 43_200],
    ["7d", 604_800],
    ["2w", 1_209_600],
    ["1d12h", 129_600],
    ["1h30m15s", 5_415],
  ])("reads %s as %i seconds", (text, seconds) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: seconds });
  });

  it.each([
    ["", "the duration is empty", "write it like 90s"],
    ["30", '"30" has no unit', "add a unit: 30d for days"],
    ["7D", '"7D" is not a duration', "write 7d"],
    ["7 d", '"7 d" is not a duration', "write 7d"],
    ["1.5h", '"1.5h" is not a duration', "write it like 90s"],
    ["12h1d", "lists a smaller one first", "largest first"],
    ["1h1h", "repeats a unit", "write each unit once"],
    ["7 days", '"7 days" is not a duration', "write it like"],
  ])("refuses %j", (text, message, fix) => {
    const result = parseDuration(text);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(message);
    expect(result.fix).toContain(fix);
  });

  it("refuses durations too large to count", () => {
    expect(parseDuration(`${"9".repeat(20)}w`).ok).toBe(false);
  });

  it("formats seconds with the largest whole unit", () => {
    expect(formatDuration(7_776_000)).toBe("90d");
    expect(formatDuration(1_800)).toBe("30m");
    expect(formatDuration(30)).toBe("30s");
    expect(formatDuration(0)).toBe("0s");
  });
});

describe("parseSize", () => {
  it.each([
    ["512Mi", 512 * 2 ** 20],
    ["4Gi", 4 * 2 ** 30],
    ["1Ti", 2 ** 40],
    ["64Ki", 65_536],
    ["1G", 1e9],
    ["500M", 5e8],
    ["2K", 2_000],
    ["1.5Gi", 1.5 * 2 ** 30],
    ["1073741824", 1_073_741_824],
    [1_073_741_824, 1_073_741_824],
  ])("reads %j as %i bytes", (input, bytes) => {
    expect(parseSize(input)).toEqual({ ok: true, value: bytes });
  });

  it.each([
    ["4GB", "write 4G (or 4Gi for powers of 1024)"],
    ["4GiB", "write 4Gi"],
    ["512mi", "write 512Mi"],
    ["512 Mi", "write 512Mi"],
    ["lots", "write it like 512Mi"],
    ["-1Gi", "write it like 512Mi"],
    ["", "write it like 512Mi"],
  ])("refuses %j", (text, fix) => {
    const result = parseSize(text);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe(`${JSON.stringify(text)} is not a size`);
    expect(result.fix).toContain(fix);
  });

  it("refuses numbers that are not whole bytes", () => {
    expect(parseSize(1.5).ok).toBe(false);
    expect(parseSize(-1).ok).toBe(false);
    expect(parseSize(Number.MAX_SAFE_INTEGER + 2).ok).toBe(false);
  });
});
