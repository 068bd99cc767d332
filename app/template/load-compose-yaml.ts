/**
 * Loads the YAML of a template's Compose file once per text. A repository
 * holds a few templates and many manifests, and each manifest is checked
 * and rendered by interpolating its parameters into the loaded tree, so
 * the YAML itself is the same every time: parsing it again for each of a
 * thousand manifests was most of the time `berth validate` and `berth
 * plan` took. The cached tree is frozen, so no caller can change what
 * the next one gets.
 */
import type { Finding } from "../manifest/finding.js";
import { loadYaml, type LoadedYaml } from "../manifest/yaml-load.js";
import { deepFreeze } from "./deep-freeze.js";

interface Loaded {
  loaded?: LoadedYaml;
  findings: Finding[];
}

/** Texts kept; templates are few, so this bounds memory, not hits. */
const MAX_TEXTS = 64;
const cache = new Map<string, Loaded>();

/** `loadYaml(file, text)`, from the cache when the text was seen. */
export function loadComposeYaml(file: string, text: string): Loaded {
  const key = `${file}\0${text}`;
  let entry = cache.get(key);
  if (!entry) {
    entry = loadYaml(file, text);
    if (entry.loaded) deepFreeze(entry.loaded.value);
    if (cache.size >= MAX_TEXTS) cache.delete(cache.keys().next().value!);
    cache.set(key, entry);
  }
  return {
    ...(entry.loaded && { loaded: entry.loaded }),
    findings: entry.findings.map((finding) => ({ ...finding })),
  };
}
