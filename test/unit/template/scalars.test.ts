import { describe, expect, it } from "vitest";
import { parseByteSize } from "../../../app/template/byte-size.js";
import { parseNanoCpus } from "../../../app/template/cpu-count.js";
import { parseGoDuration } from "../../../app/template/go-duration.js";
import { splitShellWords } from "../../../app/template/shell-words.js";

describe("Compose scalars", () => {
  it("reads Go durations in nanoseconds", () => {
    expect(parseGoDuration("1m30s")).toBe(90e9);
    expect(parseGoDuration("500ms")).toBe(5e8);
    expect(parseGoDuration("1.5h")).toBe(5400e9);
    expect(parseGoDuration("0")).toBe(0);
    expect(parseGoDuration("10")).toBeUndefined();
    expect(parseGoDuration("-1s")).toBeUndefined();
    expect(parseGoDuration("1 s")).toBeUndefined();
  });

  it("reads memory sizes as Docker does: binary units", () => {
    expect(parseByteSize("512M")).toBe(512 * 1024 ** 2);
    expect(parseByteSize("512Mi")).toBe(512 * 1024 ** 2);
    expect(parseByteSize("1g")).toBe(1024 ** 3);
    expect(parseByteSize("1.5GB")).toBe(1.5 * 1024 ** 3);
    expect(parseByteSize(4096)).toBe(4096);
    expect(parseByteSize("lots")).toBeUndefined();
  });

  it("reads CPU counts exactly", () => {
    expect(parseNanoCpus("0.25")).toBe(250_000_000);
    expect(parseNanoCpus(2)).toBe(2_000_000_000);
    expect(parseNanoCpus(0.1)).toBe(100_000_000);
    expect(parseNanoCpus("0.0000000001")).toBeUndefined();
    expect(parseNanoCpus("-1")).toBeUndefined();
  });

  it("splits command strings like docker stack deploy", () => {
    expect(splitShellWords(`sh -c 'echo "$HOME"' "a b" c\\ d ""`)).toEqual({
      words: ["sh", "-c", 'echo "$HOME"', "a b", "c d", ""],
    });
    expect(splitShellWords("a 'b")).toHaveProperty("error");
    expect(splitShellWords("a | b")).toHaveProperty("error");
    expect(splitShellWords("echo 'a | b'")).toEqual({
      words: ["echo", "a | b"],
    });
  });
});
