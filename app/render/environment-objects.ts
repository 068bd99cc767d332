/**
 * The objects of an environment besides its services: the network, the
 * named volumes and the configs of its Compose file.
 */
import type { ComposeFile } from "../template/compose-schema.js";
import { mapOf } from "../template/compose-values.js";
import type { Template } from "../template/types.js";
import type { DesiredConfig, DesiredNetwork, DesiredVolume } from "./types.js";
import { environmentLabels } from "./labels.js";
import { configName, networkName, volumeName } from "./names.js";

/** The environment's one attachable overlay network. */
export function desiredNetwork(environment: string): DesiredNetwork {
  const name = networkName(environment);
  return {
    name,
    spec: {
      Name: name,
      Driver: "overlay",
      Attachable: true,
      Labels: environmentLabels(environment),
    },
  };
}

/** Every volume the Compose file declares, sorted by name. */
export function desiredVolumes(
  environment: string,
  compose: ComposeFile,
): DesiredVolume[] {
  return Object.entries(compose.volumes ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, volume]) => ({
      name: volumeName(environment, name),
      driver: volume?.driver ?? "local",
      labels: { ...mapOf(volume?.labels), ...environmentLabels(environment) },
    }));
}

/**
 * Every config the Compose file declares, with its content-hashed name.
 * @throws Error when the template's content of a config is missing.
 */
export function desiredConfigs(
  environment: string,
  compose: ComposeFile,
  template: Template,
): DesiredConfig[] {
  return Object.entries(compose.configs ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, config]) => {
      const data = template.configData?.[name];
      if (data === undefined) {
        throw new Error(
          `template ${template.name} has no content for config ${name}; ` +
            "load templates with loadTemplates before rendering",
        );
      }
      return {
        name: configName(environment, name, data),
        data,
        labels: {
          ...mapOf(config.labels),
          ...environmentLabels(environment),
        },
      };
    });
}
