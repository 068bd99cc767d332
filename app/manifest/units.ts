/**
 * Durations (`30m`, `12h`, `7d`, `1d12h`) and sizes (`512Mi`, `4Gi`, `1G`,
 * plain bytes) as people write them in manifests, parsed into numbers.
 */

/** A parsed number, or what is wrong with the text and how to fix it. */
export type UnitResult =
  | { ok: true; value: number }
  | { ok: false; message: string; expected: string; fix: string };

const DURATION_UNITS: Readonly<Record<string, number>> = {
  w: 604_800,
  d: 86_400,
  h: 3_600,
  m: 60,
  s: 1,
};

const SIZE_UNITS: Readonly<Record<string, number>> = {
  "": 1,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};

const DURATION = /^(?:\d+[wdhms])+$/;
const DURATION_PART = /(\d+)([wdhms])/g;
const SIZE = /^(\d+(?:\.\d+)?)([KMGT]i?)?$/;

const DURATION_EXPECTED = "a whole number and a unit: s, m, h, d or w";
const DURATION_FIX = "write it like 90s, 30m, 12h, 7d, 2w or 1d12h";
const SIZE_EXPECTED = "bytes, or a number with Ki, Mi, Gi, Ti, K, M, G, T";
const SIZE_FIX = "write it like 512Mi or 4Gi (powers of 1024), or 1G";

/** Parses a duration into seconds. */
export function parseDuration(text: string): UnitResult {
  if (!DURATION.test(text)) return durationProblem(text);

  let seconds = 0;
  let previous = Infinity;
  for (const [, amount, unit] of text.matchAll(DURATION_PART)) {
    const scale = DURATION_UNITS[unit ?? ""] ?? 0;
    if (scale >= previous) {
      return problem(
        `"${text}" repeats a unit or lists a smaller one first`,
        DURATION_EXPECTED,
        "write each unit once, largest first, like 1d12h",
      );
    }
    previous = scale;
    seconds += Number(amount) * scale;
  }
  return finite(seconds, text, DURATION_EXPECTED, DURATION_FIX);
}

/** Parses a size into bytes; a number is taken as bytes. */
export function parseSize(input: string | number): UnitResult {
  if (typeof input === "number") {
    if (Number.isSafeInteger(input) && input >= 0) {
      return { ok: true, value: input };
    }
    return problem(
      `${input} is not a whole number of bytes`,
      SIZE_EXPECTED,
      SIZE_FIX,
    );
  }

  const match = SIZE.exec(input);
  if (!match) return sizeProblem(input);
  const scale = SIZE_UNITS[match[2] ?? ""] ?? 1;
  const bytes = Math.round(Number(match[1]) * scale);
  return finite(bytes, input, SIZE_EXPECTED, SIZE_FIX);
}

/** Formats seconds with the largest unit that divides them, e.g. `90d`. */
export function formatDuration(seconds: number): string {
  for (const [unit, scale] of Object.entries(DURATION_UNITS)) {
    if (seconds >= scale && seconds % scale === 0) {
      return `${seconds / scale}${unit}`;
    }
  }
  return `${seconds}s`;
}

function durationProblem(text: string): UnitResult {
  const trimmed = text.trim();
  if (trimmed === "") {
    return problem("the duration is empty", DURATION_EXPECTED, DURATION_FIX);
  }
  if (/^\d+$/.test(trimmed)) {
    return problem(
      `"${text}" has no unit`,
      DURATION_EXPECTED,
      `add a unit: ${trimmed}d for days, ${trimmed}h for hours`,
    );
  }
  const lower = trimmed.toLowerCase().replace(/\s+/g, "");
  if (lower !== text && DURATION.test(lower)) {
    return problem(
      `"${text}" is not a duration`,
      DURATION_EXPECTED,
      `write ${lower}`,
    );
  }
  return problem(
    `"${text}" is not a duration`,
    DURATION_EXPECTED,
    DURATION_FIX,
  );
}

function sizeProblem(text: string): UnitResult {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
  const amount = match?.[1];
  const unit = (match?.[2] ?? "").toLowerCase().replace(/b$/, "");
  const binary = unit.endsWith("i");
  const letter = unit.charAt(0).toUpperCase();
  if (amount && /^[kmgt]i?$/.test(unit)) {
    const suggestion = `${amount}${letter}${binary ? "i" : ""}`;
    return problem(
      `"${text}" is not a size`,
      SIZE_EXPECTED,
      `write ${suggestion}` +
        (binary ? "" : ` (or ${amount}${letter}i for powers of 1024)`),
    );
  }
  return problem(`"${text}" is not a size`, SIZE_EXPECTED, SIZE_FIX);
}

function finite(
  value: number,
  text: string,
  expected: string,
  fix: string,
): UnitResult {
  if (Number.isSafeInteger(value)) return { ok: true, value };
  return problem(`"${text}" is too large`, expected, fix);
}

function problem(message: string, expected: string, fix: string): UnitResult {
  return { ok: false, message, expected, fix };
}
