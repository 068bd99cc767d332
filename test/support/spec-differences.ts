/**
 * Field-by-field differences between two service specs, each named by
 * its path (`TaskTemplate.ContainerSpec.Env.PORT`, `Labels["a.b"]`), and
 * their match against a list of intended differences. A null, an empty
 * object and an empty list mean "not set" to the Engine API, as does a
 * missing field, so they compare equal.
 */
import type { Json } from "./stored-spec.js";

export interface Difference {
  service: string;
  path: string;
  berth: string;
  reference: string;
}

export interface IntendedDifference {
  /** Path of the field; `*` stands for any text. */
  path: string;
  reason: string;
}

/** Every leaf where `berth` and `reference` differ, by path. */
export function specDifferences(
  service: string,
  berth: Json,
  reference: Json,
): Difference[] {
  const left = leaves(berth);
  const right = leaves(reference);
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort();
  return paths
    .filter((path) => left.get(path) !== right.get(path))
    .map((path) => ({
      service,
      path,
      berth: left.get(path) ?? "(absent)",
      reference: right.get(path) ?? "(absent)",
    }));
}

/** The intended difference that explains `difference`, if any. */
export function explain(
  difference: Difference,
  intended: readonly IntendedDifference[],
): IntendedDifference | undefined {
  return intended.find((item) => pattern(item.path).test(difference.path));
}

/** One line per difference, for failure messages. */
export function describeDifference(difference: Difference): string {
  const { service, path, berth, reference } = difference;
  return `${service} ${path}: berth ${berth}, reference ${reference}`;
}

function pattern(path: string): RegExp {
  const parts = path
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join(".*")}$`);
}

function leaves(value: Json, path = "", into = new Map<string, string>()) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => leaves(item, `${path}[${index}]`, into));
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      leaves(item, `${path}${segment(key, path === "")}`, into);
    }
  } else if (value !== null) {
    into.set(path, JSON.stringify(value));
  }
  return into;
}

function segment(key: string, first: boolean): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return `[${JSON.stringify(key)}]`;
  return first ? key : `.${key}`;
}
