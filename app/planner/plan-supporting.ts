/**
 * Plans the objects services depend on: images to build, networks,
 * volumes and configs to create, and those no longer used to remove.
 * Networks, volumes and configs are immutable here: present means done.
 */
import type { DesiredEnvironment } from "../render/types.js";
import { canonicalImageRef } from "./image-ref.js";
import type { OwnedObjects } from "./owned-objects.js";
import type { PlanAction } from "./types.js";

/** Build actions for images the cluster lacks; unchanged for the rest. */
export function planImages(
  desired: DesiredEnvironment,
  present: ReadonlySet<string>,
): PlanAction[] {
  const has = (ref: string) =>
    present.has(ref) || present.has(canonicalImageRef(ref));

  return desired.images.map((image) =>
    has(image.ref)
      ? { type: "unchanged", kind: "image", name: image.ref }
      : { type: "build", kind: "image", name: image.ref, desired: image },
  );
}

/** Create or unchanged actions for networks, volumes and configs. */
export function planCreations(
  desired: DesiredEnvironment,
  owned: OwnedObjects,
): PlanAction[] {
  const exists = (names: { name: string }[], name: string) =>
    names.some((object) => object.name === name);

  return [
    ...desired.networks.map((network): PlanAction =>
      exists(owned.networks, network.name)
        ? { type: "unchanged", kind: "network", name: network.name }
        : {
            type: "create",
            kind: "network",
            name: network.name,
            desired: network,
          },
    ),
    ...desired.volumes.map((volume): PlanAction =>
      exists(owned.volumes, volume.name)
        ? { type: "unchanged", kind: "volume", name: volume.name }
        : {
            type: "create",
            kind: "volume",
            name: volume.name,
            desired: volume,
          },
    ),
    ...desired.configs.map((config): PlanAction =>
      exists(owned.configs, config.name)
        ? { type: "unchanged", kind: "config", name: config.name }
        : {
            type: "create",
            kind: "config",
            name: config.name,
            desired: config,
          },
    ),
  ];
}

/** Remove actions for configs that no desired object names or uses. */
export function removeConfigs(
  desired: DesiredEnvironment | undefined,
  owned: OwnedObjects,
): PlanAction[] {
  const used = new Set([
    ...(desired?.configs ?? []).map((config) => config.name),
    ...(desired?.services ?? []).flatMap((service) =>
      (service.spec.TaskTemplate.ContainerSpec.Configs ?? []).map(
        (reference) => reference.ConfigName,
      ),
    ),
  ]);

  return owned.configs
    .filter((config) => !used.has(config.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((config) => ({
      type: "remove",
      kind: "config",
      name: config.name,
      live: config,
    }));
}

/** Remove actions for networks that no desired object names or uses. */
export function removeNetworks(
  desired: DesiredEnvironment | undefined,
  owned: OwnedObjects,
): PlanAction[] {
  const used = new Set([
    ...(desired?.networks ?? []).map((network) => network.name),
    ...(desired?.services ?? []).flatMap((service) =>
      (service.spec.TaskTemplate.Networks ?? []).map((n) => n.Target),
    ),
  ]);

  return owned.networks
    .filter((network) => !used.has(network.name) && !used.has(network.id))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((network) => ({
      type: "remove",
      kind: "network",
      name: network.name,
      live: network,
    }));
}
