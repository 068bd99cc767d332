import { z } from "zod";
import { addProblem, type IssueSink } from "./schema-issue.js";
import { formatDuration, parseDuration, parseSize } from "./units.js";

const MIN_EXPIRY = 60;
const MAX_EXPIRY = 90 * 86_400;
const MIN_MEMORY = 6 * 2 ** 20;

/**
 * `expiresAfter`: a duration from 1m to 90d, read as seconds. A bare number
 * is refused: it has no unit, and guessing one would be silent.
 */
export const expiresAfter = z
  .unknown()
  .transform((value, ctx) => {
    const seconds = readDuration(value, ctx);
    if (seconds === undefined) return z.NEVER;
    if (seconds < MIN_EXPIRY || seconds > MAX_EXPIRY) {
      addProblem(ctx, {
        message: "must be between 1m and 90d",
        found: formatDuration(seconds),
        expected: "from 1m to 90d",
        fix: seconds < MIN_EXPIRY ? "write 1m or more" : "write 90d or less",
      });
      return z.NEVER;
    }
    return seconds;
  })
  .meta({
    type: "string",
    pattern: "^([0-9]+[wdhms])+$",
    description: "Time to live after the last apply, such as 7d or 12h.",
  });

/** `resources.memory`: a size such as 4Gi or a byte count, read as bytes. */
export const memory = z
  .unknown()
  .transform((value, ctx) => {
    const bytes = readSize(value, ctx);
    if (bytes === undefined) return z.NEVER;
    if (bytes < MIN_MEMORY) {
      addProblem(ctx, {
        message: "must be at least 6Mi; Docker refuses less",
        found: `${bytes} bytes`,
        expected: "at least 6Mi",
        fix: "write a size such as 512Mi or 4Gi",
      });
      return z.NEVER;
    }
    return bytes;
  })
  .meta({
    type: ["string", "integer"],
    pattern: "^[0-9]+(\\.[0-9]+)?([KMGT]i?)?$",
    description: "Memory reservation, such as 512Mi or 4Gi.",
  });

function readDuration(value: unknown, ctx: IssueSink): number | undefined {
  if (typeof value !== "string") {
    const hint =
      typeof value === "number" ? `, such as ${value}d or ${value}h` : "";
    addProblem(ctx, {
      message: "must be a duration with a unit" + hint,
      found: describePlain(value),
      expected: "a duration such as 30m, 12h or 7d",
      fix: "write a number followed by s, m, h, d or w",
    });
    return undefined;
  }
  const result = parseDuration(value);
  if (result.ok) return result.value;
  addProblem(ctx, result);
  return undefined;
}

function readSize(value: unknown, ctx: IssueSink): number | undefined {
  if (typeof value !== "string" && typeof value !== "number") {
    addProblem(ctx, {
      message: "must be a size such as 512Mi or 4Gi",
      found: describePlain(value),
      expected: "a size such as 512Mi or 4Gi, or a number of bytes",
      fix: "write a size such as 4Gi",
    });
    return undefined;
  }
  const result = parseSize(value);
  if (result.ok) return result.value;
  addProblem(ctx, result);
  return undefined;
}

function describePlain(value: unknown): string {
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return JSON.stringify(value) ?? String(value);
}
