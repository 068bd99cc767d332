/**
 * Hashes of rendered objects. The spec hash covers everything desired of
 * an environment except the labels that change with every commit; the
 * task hash covers what restarts tasks when it changes.
 */
import type { ServiceSpec } from "../swarm/spec-types.js";
import type { DesiredEnvironment } from "./types.js";
import { hashOf } from "./canonical-json.js";
import { VOLATILE_LABELS } from "./labels.js";

/** Hash of a service spec without its service-level labels. */
export function taskHashOf(spec: ServiceSpec): string {
  const { Labels: _labels, ...rest } = spec;
  return hashOf(rest);
}

/**
 * Hash of an environment, blind to commit, pull request and own hash, and
 * to where the build contexts were checked out (an image's reference
 * already carries the hash of its context's content).
 */
export function specHashOf(
  environment: Omit<DesiredEnvironment, "specHash">,
): string {
  const images = environment.images.map((image) => ({
    ref: image.ref,
    dockerfile: image.dockerfile,
    buildArgs: image.buildArgs,
  }));
  const services = environment.services.map((service) => ({
    ...service,
    spec: { ...service.spec, Labels: stable(service.spec.Labels) },
  }));
  return hashOf({ ...environment, images, services });
}

function stable(labels: Record<string, string> | undefined) {
  if (!labels) return undefined;
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels)) {
    if (!VOLATILE_LABELS.includes(key)) kept[key] = value;
  }
  return kept;
}
