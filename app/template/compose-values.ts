/**
 * Normalised views of Compose values that have two spellings: maps or
 * `KEY=VALUE` lists, short or long volume and config entries, command
 * strings or lists. Checks and rendering read Compose through these.
 */
import type { ComposeService } from "./compose-schema.js";
import { splitShellWords } from "./shell-words.js";

type MapOrList = NonNullable<ComposeService["environment"]>;
type VolumeItem = NonNullable<ComposeService["volumes"]>[number];
type ConfigItem = NonNullable<ComposeService["configs"]>[number];

/** Entries of a map or list; a list item without `=` has no value. */
export function mapEntries(
  value: MapOrList | undefined,
): [key: string, value: string | undefined][] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    return Object.entries(value).map(([key, item]) => [key, String(item)]);
  }
  return value.map((item) => {
    const equals = item.indexOf("=");
    return equals < 0
      ? [item, undefined]
      : [item.slice(0, equals), item.slice(equals + 1)];
  });
}

/** A map or list as a map; later entries win, items without `=` give "". */
export function mapOf(value: MapOrList | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, item] of mapEntries(value)) result[key] = item ?? "";
  return result;
}

export type VolumeEntry =
  | { type: "volume"; source: string; target: string; readOnly: boolean }
  | { type: "tmpfs"; target: string; readOnly: boolean }
  | { type: "refused"; message: string; fix: string };

const HOST_PATH = /^[./~]|\//;

/** Reads a service `volumes:` entry in short or long syntax. */
export function volumeEntry(item: VolumeItem): VolumeEntry {
  if (typeof item !== "string") return longVolume(item);

  const parts = item.split(":");
  if (parts.length === 1) return anonymous();
  if (parts.length > 3) {
    return refused(
      `${item} is not SOURCE:TARGET or SOURCE:TARGET:MODE`,
      "write name:/path or name:/path:ro",
    );
  }
  const [source = "", target = "", mode = "rw"] = parts;
  if (mode !== "ro" && mode !== "rw") {
    return refused(`volume mode ${mode} is not accepted`, "use ro or rw");
  }
  return namedVolume(source, target, mode === "ro");
}

function longVolume(item: Exclude<VolumeItem, string>): VolumeEntry {
  const readOnly = item.read_only ?? false;
  if (item.type === "tmpfs") {
    if (item.source !== undefined) {
      return refused("a tmpfs mount has no source", "remove source");
    }
    return { type: "tmpfs", target: item.target, readOnly };
  }
  if (item.type === "bind") {
    return refused(
      "bind mounts are refused for safety: they reach the host's files",
      "use a named volume, or copy the files into the image",
    );
  }
  if (item.type !== "volume") {
    return refused(
      `volume type ${item.type} is not accepted`,
      "use type: volume or type: tmpfs",
    );
  }
  if (item.source === undefined) return anonymous();
  return namedVolume(item.source, item.target, readOnly);
}

function namedVolume(source: string, target: string, readOnly: boolean) {
  if (HOST_PATH.test(source)) {
    return refused(
      `${source} is a host path: host paths are refused for safety`,
      "use a named volume declared under the top-level volumes",
    );
  }
  if (!target.startsWith("/")) {
    return refused(
      `the mount target ${target} is not an absolute path`,
      "write the path inside the container, starting with /",
    );
  }
  return { type: "volume", source, target, readOnly } as const;
}

function anonymous(): VolumeEntry {
  return refused(
    "anonymous volumes are refused: their data is lost on every update",
    "name the volume (name:/path) and declare it under top-level volumes",
  );
}

function refused(message: string, fix: string): VolumeEntry {
  return { type: "refused", message, fix };
}

export interface ConfigEntry {
  source: string;
  target: string;
  uid: string;
  gid: string;
  mode: number;
}

/** Reads a service `configs:` entry with Compose's defaults. */
export function configEntry(item: ConfigItem): ConfigEntry {
  const long = typeof item === "string" ? { source: item } : item;
  return {
    source: long.source,
    target: long.target ?? long.source,
    uid: long.uid ?? "0",
    gid: long.gid ?? "0",
    mode: long.mode ?? 0o444,
  };
}

/** A command string or list as words, or why the string cannot split. */
export function commandWords(
  value: string | string[] | undefined,
): string[] | { error: string; fix: string } | undefined {
  if (value === undefined || Array.isArray(value)) return value;
  const split = splitShellWords(value);
  return "words" in split ? split.words : split;
}

/** Healthcheck test as the Engine API takes it. */
export function healthTest(value: string | string[]): string[] {
  return typeof value === "string" ? ["CMD-SHELL", value] : value;
}
