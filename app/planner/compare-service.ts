/**
 * Compares a desired service spec with the live one: what differs, and
 * whether applying the difference restarts the service's tasks.
 */
import {
  COMMIT_LABEL,
  PULL_REQUEST_LABEL,
  SPEC_HASH_LABEL,
} from "../swarm/labels.js";
import type { ServiceSpec } from "../swarm/spec-types.js";
import { diffSpecs } from "./diff-spec.js";
import {
  normaliseServiceSpec,
  type NormaliseOptions,
} from "./normalise-spec.js";
import type { FieldChange } from "./types.js";

/**
 * Labels that record where a spec came from, not what it is. While the
 * spec hash is equal, a difference in them is no change.
 */
export const PROVENANCE_LABELS: readonly string[] = [
  COMMIT_LABEL,
  PULL_REQUEST_LABEL,
];

/** Field paths whose change makes Swarm replace the service's tasks. */
const TASK_FIELDS = ["TaskTemplate", "EndpointSpec"];

/**
 * Lists the fields in which `live` differs from `desired` once both are
 * normalised. Provenance labels are ignored while the spec hashes match.
 */
export function compareServiceSpecs(
  desired: ServiceSpec,
  live: ServiceSpec,
  options: NormaliseOptions = {},
): FieldChange[] {
  const want = normaliseServiceSpec(desired, options);
  const have = normaliseServiceSpec(live, options);

  if (sameSpecHash(want, have)) {
    want.Labels = withoutProvenance(want.Labels);
    have.Labels = withoutProvenance(have.Labels);
  }

  return diffSpecs(have, want);
}

/** True when one of the changes makes Swarm restart the tasks. */
export function changesRestartTasks(changes: readonly FieldChange[]): boolean {
  return changes.some((change) =>
    TASK_FIELDS.some(
      (field) => change.field === field || change.field.startsWith(`${field}.`),
    ),
  );
}

function sameSpecHash(a: ServiceSpec, b: ServiceSpec): boolean {
  const hash = a.Labels?.[SPEC_HASH_LABEL];
  return hash !== undefined && hash === b.Labels?.[SPEC_HASH_LABEL];
}

function withoutProvenance(
  labels: Record<string, string> | undefined,
): Record<string, string> | undefined {
  if (!labels) {
    return undefined;
  }

  const kept = Object.entries(labels).filter(
    ([key]) => !PROVENANCE_LABELS.includes(key),
  );
  return kept.length === 0 ? undefined : Object.fromEntries(kept);
}
