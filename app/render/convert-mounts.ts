/**
 * Service volumes to Engine API mounts, as `docker stack deploy` makes
 * them: named volumes scoped to the environment and labelled so that a
 * node creating the volume on first use labels it as Berth's.
 */
import type { Mount } from "../swarm/spec-types.js";
import type {
  ComposeFile,
  ComposeService,
} from "../template/compose-schema.js";
import { mapOf, volumeEntry } from "../template/compose-values.js";
import { environmentLabels } from "./labels.js";
import { volumeName } from "./names.js";

/** Mounts of one service, in the order the Compose file lists them. */
export function convertMounts(
  environment: string,
  service: ComposeService,
  compose: ComposeFile,
): Mount[] {
  const mounts: Mount[] = [];
  for (const item of service.volumes ?? []) {
    const entry = volumeEntry(item);
    if (entry.type === "refused") continue;
    const readOnly = entry.readOnly ? { ReadOnly: true } : {};
    if (entry.type === "tmpfs") {
      mounts.push({ Type: "tmpfs", Target: entry.target, ...readOnly });
      continue;
    }
    const declared = compose.volumes?.[entry.source] ?? {};
    const driver = declared.driver
      ? { DriverConfig: { Name: declared.driver } }
      : {};
    mounts.push({
      Type: "volume",
      Source: volumeName(environment, entry.source),
      Target: entry.target,
      ...readOnly,
      VolumeOptions: {
        Labels: {
          ...mapOf(declared.labels),
          ...environmentLabels(environment),
        },
        ...driver,
      },
    });
  }
  return mounts;
}
