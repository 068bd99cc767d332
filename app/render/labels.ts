/**
 * The labels Berth puts on the objects of an environment. Keys shared
 * with the Swarm adapter come from there; the rest are Berth's own.
 */
import {
  COMMIT_LABEL,
  ENVIRONMENT_LABEL,
  EXPIRES_AFTER_LABEL,
  OWNERS_LABEL,
  PULL_REQUEST_LABEL,
  SPEC_HASH_LABEL,
  STACK_NAMESPACE_LABEL,
  TCP_ACCESS_LABEL,
} from "../swarm/labels.js";

export {
  COMMIT_LABEL,
  ENVIRONMENT_LABEL,
  EXPIRES_AFTER_LABEL,
  OWNERS_LABEL,
  PULL_REQUEST_LABEL,
  SPEC_HASH_LABEL,
  STACK_NAMESPACE_LABEL,
  TCP_ACCESS_LABEL,
};

/** The template an environment was rendered from. */
export const TEMPLATE_LABEL = "dev.berth.template";
/** The image of a service, as `docker stack deploy` records it. */
export const STACK_IMAGE_LABEL = "com.docker.stack.image";

/** Labels of every object of `environment`. */
export function environmentLabels(environment: string): Record<string, string> {
  return {
    [STACK_NAMESPACE_LABEL]: environment,
    [ENVIRONMENT_LABEL]: environment,
  };
}

/** The labels that vary with the commit, left out of the spec hash. */
export const VOLATILE_LABELS: readonly string[] = [
  COMMIT_LABEL,
  PULL_REQUEST_LABEL,
  SPEC_HASH_LABEL,
];
