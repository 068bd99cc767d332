/**
 * Fills in the `ConfigID` of a service's config references. Docker refuses
 * a reference without the ID, while rendering knows only config names.
 */
import { NotFoundError } from "./errors.js";
import type { ServiceSpec } from "./spec-types.js";

/** Looks up config IDs by name with one request. */
export type ConfigIdLookup = (names: string[]) => Promise<Map<string, string>>;

/**
 * Returns `spec` with every config reference's `ConfigID` set from its
 * `ConfigName`, asking `lookup` only when some ID is missing.
 * @throws NotFoundError when a referenced config does not exist.
 */
export async function withConfigIds(
  spec: ServiceSpec,
  lookup: ConfigIdLookup,
): Promise<ServiceSpec> {
  const references = spec.TaskTemplate.ContainerSpec.Configs ?? [];
  const missing = references.filter((ref) => !ref.ConfigID);

  if (missing.length === 0) {
    return spec;
  }

  const ids = await lookup(missing.map((ref) => ref.ConfigName));
  const configs = references.map((ref) => ({
    ...ref,
    ConfigID: ref.ConfigID || requireId(ids, ref.ConfigName, spec.Name),
  }));

  return {
    ...spec,
    TaskTemplate: {
      ...spec.TaskTemplate,
      ContainerSpec: { ...spec.TaskTemplate.ContainerSpec, Configs: configs },
    },
  };
}

function requireId(
  ids: Map<string, string>,
  name: string,
  service: string,
): string {
  const id = ids.get(name);

  if (id === undefined) {
    const message =
      `Service ${service} refers to config ${name}, which does not exist: ` +
      "create the config before the service.";
    throw new NotFoundError(message, 404, `config ${name} not found`);
  }

  return id;
}
