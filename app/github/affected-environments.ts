/**
 * Which environments a change touches: those whose manifest changed, those
 * whose template changed, and those whose manifest is gone. Pure.
 */
import { isManifestPath, type ChangedFile } from "./changed-file.js";

/** A manifest that could be read, at one commit. */
export interface NamedManifest {
  file: string;
  name: string;
  template?: string;
}

/** What the detection of affected environments reads. */
export interface AffectedInput {
  changed: readonly ChangedFile[];
  /** Valid manifests at the new commit. */
  head: readonly NamedManifest[];
  /** Manifests at the old commit, for changed or removed paths. */
  base: readonly NamedManifest[];
  /** Manifest paths at the new commit that could not be read at all. */
  unreadable: readonly string[];
}

/** The environments a change touches, and how. */
export interface AffectedEnvironments {
  /** Environments to plan and apply, by name. */
  changed: string[];
  /** Environments whose manifest is gone: to destroy. */
  removed: string[];
  /**
   * True when a manifest could not be read: its environment might be one
   * of `removed`, so nothing may be destroyed.
   */
  removalsHeld: boolean;
  /** Paths of the changed manifests and template files. */
  files: string[];
}

/** Works out the environments that `input.changed` affects. */
export function affectedEnvironments(
  input: AffectedInput,
): AffectedEnvironments {
  const manifestPaths = new Set<string>();
  const templates = new Set<string>();
  const files: string[] = [];
  for (const file of input.changed) {
    for (const path of [file.path, file.previousPath]) {
      if (!path) continue;
      if (isManifestPath(path)) manifestPaths.add(path);
      const template = /^templates\/([^/]+)\//.exec(path)?.[1];
      if (template) templates.add(template);
    }
    if (isManifestPath(file.path) || file.path.startsWith("templates/")) {
      files.push(file.path);
    }
  }

  const changed = input.head
    .filter(
      (m) =>
        manifestPaths.has(m.file) ||
        (m.template !== undefined && templates.has(m.template)),
    )
    .map((m) => m.name);
  const present = new Set(input.head.map((m) => m.name));
  const removed = input.base
    .filter((m) => manifestPaths.has(m.file) && !present.has(m.name))
    .map((m) => m.name);

  return {
    changed: unique(changed),
    removed: unique(removed),
    removalsHeld: input.unreadable.length > 0,
    files: unique(files),
  };
}

function unique(names: string[]): string[] {
  return [...new Set(names)].sort();
}
