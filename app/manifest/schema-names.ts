import { z } from "zod";
import { addProblem, quoted, type IssueSink } from "./schema-issue.js";

/** The DNS label rule for environment names, template and port names. */
export const DNS_LABEL_PATTERN = "^[a-z]([a-z0-9-]*[a-z0-9])?$";
const DNS_LABEL = new RegExp(DNS_LABEL_PATTERN);

/** Docker refuses service, network and volume names longer than this. */
export const DOCKER_NAME_LIMIT = 63;

const DNS_LABEL_EXPECTED =
  "lowercase letters, digits and '-', starting with a letter and not " +
  "ending with '-'";

/** How one kind of name is checked and explained. */
export interface LabelRule {
  /** What the name is, for messages: `environment name`, `port name`. */
  what: string;
  max: number;
  /** An object name Berth derives from it, shown when it grows too long. */
  derive?: (name: string) => string;
}

/** A string that must be a lowercase DNS label of at most `rule.max`. */
export function dnsLabel(rule: LabelRule) {
  return z
    .string()
    .superRefine((value, ctx) => checkDnsLabel(value, rule, ctx))
    .meta({ pattern: DNS_LABEL_PATTERN, maxLength: rule.max });
}

function checkDnsLabel(value: string, rule: LabelRule, ctx: IssueSink) {
  const example = toDnsLabel(value, rule.max);
  const faults = describeFaults(value);
  if (faults !== "") {
    addProblem(ctx, {
      message:
        `must be a lowercase DNS label matching ${DNS_LABEL_PATTERN}; ` +
        `${quoted(value)} ${faults}`,
      found: quoted(value),
      expected: DNS_LABEL_EXPECTED,
      fix: example ? `rename it, e.g. ${example}` : "rename it",
    });
  }
  if (value.length > rule.max) {
    addProblem(ctx, {
      message: tooLongMessage(value, rule),
      found: `${value.length} characters`,
      expected: `at most ${rule.max} characters matching ${DNS_LABEL_PATTERN}`,
      fix:
        `shorten it to ${rule.max} characters or fewer` +
        (example ? `, e.g. ${example}` : ""),
    });
  }
}

function tooLongMessage(value: string, rule: LabelRule): string {
  const head =
    `is ${value.length} characters long; ${rule.what}s may have at ` +
    `most ${rule.max}`;
  if (!rule.derive) return head;

  const derived = rule.derive(value);
  const refused =
    derived.length > DOCKER_NAME_LIMIT
      ? `, over Docker's limit of ${DOCKER_NAME_LIMIT}`
      : "";
  return (
    `${head}, because Berth names objects after it: ` +
    `"${derived}" would be ${derived.length} characters${refused}`
  );
}

function describeFaults(value: string): string {
  if (value === "") return "is empty";
  if (DNS_LABEL.test(value)) return "";

  const others = [...new Set(value.replace(/[a-z0-9-]/g, ""))];
  const upper = others.filter((c) => /[A-Z]/.test(c));
  const foreign = others.filter((c) => c.charCodeAt(0) > 0x7e);
  const symbols = others.filter((c) => /[^A-Z]/.test(c) && c <= "\u007e");
  const parts = [
    upper.length > 0 ? "upper-case letters" : "",
    foreign.length > 0 ? `${listChars(foreign)} (not ASCII)` : "",
    symbols.length > 0 ? listChars(symbols) : "",
  ].filter((part) => part !== "");

  const faults = parts.length > 0 ? [`has ${joinAnd(parts)}`] : [];
  if (/^[0-9-]/.test(value)) faults.push("does not start with a letter");
  if (value.endsWith("-")) faults.push("ends with '-'");
  return joinAnd(faults);
}

function listChars(chars: readonly string[]): string {
  return chars.map((c) => JSON.stringify(c)).join(", ");
}

function joinAnd(parts: readonly string[]): string {
  if (parts.length < 2) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/** A valid label close to `value`, or undefined when none is near. */
export function toDnsLabel(value: string, max: number): string | undefined {
  const label = value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^[^a-z]+/, "")
    .replace(/-{2,}/g, "-")
    .slice(0, max)
    .replace(/-+$/, "");
  return label === "" || label === value ? undefined : label;
}
