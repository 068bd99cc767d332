/**
 * Short, readable strings for spec values in plan output: durations in
 * seconds, sizes in MiB or GiB, CPUs as counts, list entries in the form
 * users type them.
 */
import { isObject, type JsonObject } from "./json-value.js";
import { maskEnvEntry, maskUrlPasswords } from "./mask-secrets.js";

const MAX_LENGTH = 72;
const DURATION_FIELDS = new Set([
  "Delay",
  "Interval",
  "Monitor",
  "StartPeriod",
  "StopGracePeriod",
  "Timeout",
  "Window",
]);

/** Describes one value found at `field` (a dotted spec path). */
export function describeValue(field: string, value: unknown): string {
  if (value === undefined) {
    return "(none)";
  }

  const key = field.slice(field.lastIndexOf(".") + 1);
  return shorten(describeScalar(key, value));
}

/** Describes one entry of the list found at `field`. */
export function describeItem(field: string, item: unknown): string {
  const key = field.slice(field.lastIndexOf(".") + 1);
  if (!isObject(item)) {
    if (typeof item !== "string") return JSON.stringify(item);
    return key === "Env" ? maskEnvEntry(item) : maskUrlPasswords(item);
  }

  const describe = ITEM_DESCRIBERS[key];
  return describe ? describe(item) : JSON.stringify(item);
}

/** Cuts a description to a length that fits a plan line. */
export function shorten(text: string): string {
  if (text.length <= MAX_LENGTH) {
    return text;
  }

  return `${text.slice(0, MAX_LENGTH - 1)}…`;
}

function describeScalar(key: string, value: unknown): string {
  if (typeof value === "number" && DURATION_FIELDS.has(key)) {
    return `${value / 1e9}s`;
  }

  if (typeof value === "number" && key === "MemoryBytes") {
    return describeBytes(value);
  }

  if (typeof value === "number" && key === "NanoCPUs") {
    return `${value / 1e9} CPUs`;
  }

  if (Array.isArray(value)) {
    return value.map((item) => describeItem(key, item)).join(" ");
  }

  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Formats a byte count as MiB or GiB, e.g. `512 MiB`, `23.5 GiB`. */
export function describeBytes(bytes: number): string {
  const mib = bytes / 2 ** 20;

  if (mib < 1024) {
    return `${round(mib)} MiB`;
  }

  return `${round(mib / 1024)} GiB`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

const ITEM_DESCRIBERS: Record<string, (item: JsonObject) => string> = {
  Mounts: (m) =>
    `${text(m["Type"])}:${text(m["Source"])}:${text(m["Target"])}` +
    (m["ReadOnly"] ? ":ro" : ""),
  Ports: (p) =>
    `${text(p["PublishedPort"] ?? "*")}:${text(p["TargetPort"])}/` +
    `${text(p["Protocol"])} ${text(p["PublishMode"])}`,
  Configs: (c) => `${text(c["ConfigName"])} at ${fileName(c)}`,
  Secrets: (s) => `${text(s["SecretName"])} at ${fileName(s)}`,
  Networks: (n) => text(n["Target"]),
};

function fileName(reference: JsonObject): string {
  const file = reference["File"];
  return isObject(file) ? text(file["Name"]) : "";
}

function text(value: unknown): string {
  return value === undefined ? "" : String(value);
}
