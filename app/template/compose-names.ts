/**
 * Rules for the names a Compose file gives its services, volumes and
 * configs. They become parts of Swarm object names (`ENV_name`), DNS
 * names and image names, so they are DNS labels short enough that the
 * longest environment name (40 characters) still fits Swarm's limits.
 */
export const NAME_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** Swarm service names have at most 63 characters: 40 + `_` + 22. */
export const MAX_SERVICE_NAME = 22;
/** Swarm config names have at most 64: 40 + `_` + 14 + `-` + 8 of hash. */
export const MAX_CONFIG_NAME = 14;
export const MAX_VOLUME_NAME = 40;

/** Why `name` is not a good object name, or undefined if it is. */
export function nameProblem(name: string, max: number): string | undefined {
  if (!NAME_PATTERN.test(name)) {
    return "use lowercase letters, digits and - (not at either end)";
  }
  if (name.length > max) return `use at most ${max} characters`;
  return undefined;
}
