/**
 * Scalar schemas for Compose values. After interpolation every parameter
 * is text, so numbers and booleans also accept their text form, as
 * `docker stack deploy` does for the fields it casts.
 */
import { z } from "zod";
import { parseGoDuration } from "./go-duration.js";
import { parseByteSize } from "./byte-size.js";
import { parseNanoCpus } from "./cpu-count.js";

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const TRUE_TEXT = ["y", "yes", "true", "on"];
const FALSE_TEXT = ["n", "no", "false", "off"];

function castNumber(value: unknown): unknown {
  if (typeof value !== "string" || !NUMBER_TEXT.test(value.trim())) {
    return value;
  }
  return Number(value);
}

function castBoolean(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const lower = value.trim().toLowerCase();
  if (TRUE_TEXT.includes(lower)) return true;
  if (FALSE_TEXT.includes(lower)) return false;
  return value;
}

/** A whole number, given as a number or as its text. */
export const Integer = z.preprocess(
  castNumber,
  z.number({ error: "expected a whole number" }).int().min(0),
);

/** A number between 0 and 1, given as a number or as its text. */
export const Ratio = z.preprocess(
  castNumber,
  z.number({ error: "expected a number between 0 and 1" }).min(0).max(1),
);

/** true or false, also as text (`"true"`, `"no"`...). */
export const Flag = z.preprocess(
  castBoolean,
  z.boolean({ error: "expected true or false" }),
);

/** Text; a number is accepted and becomes its text. */
export const Text = z
  .union([z.string(), z.number()], { error: "expected text" })
  .transform(String);

/** A Go duration such as `10s`, `1m30s` or `500ms`. */
export const Duration = z
  .string({ error: "expected a duration" })
  .refine((value) => parseGoDuration(value) !== undefined, {
    error: "expected a duration such as 10s, 1m30s or 500ms",
  });

/** A CPU count such as `0.5` or `"2"`. */
export const Cpus = z
  .union([z.string(), z.number()], { error: "expected a CPU count" })
  .refine((value) => parseNanoCpus(value) !== undefined, {
    error: "expected a CPU count such as 0.25 or 2",
  });

/** A memory size such as `512M`, `1G` or a number of bytes. */
export const ByteSize = z
  .union([z.string(), z.number()], { error: "expected a memory size" })
  .refine((value) => parseByteSize(value) !== undefined, {
    error: "expected a memory size such as 256M or 1G",
  });

/** A Compose map or `KEY=VALUE` list (environment, labels). */
export const MapOrList = z.union(
  [
    z.record(z.string(), z.union([z.string(), z.number()])),
    z.array(z.string()),
  ],
  {
    error:
      "expected a map of text values, or a list of KEY=VALUE strings " +
      "(quote true, false and empty values)",
  },
);

/** A command: one string, or a list of words. */
export const CommandLine = z.union([z.string(), z.array(Text)], {
  error: "expected a string or a list of strings",
});
