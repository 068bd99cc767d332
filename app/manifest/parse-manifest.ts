import type { Finding } from "./finding.js";
import { makeFinding } from "./make-finding.js";
import { ManifestSchema } from "./schema.js";
import type { Manifest } from "./types.js";
import { DEFAULT_YAML_LIMITS, loadYaml, type LoadedYaml } from "./yaml-load.js";
import { zodIssuesToFindings } from "./zod-findings.js";

/** A manifest when the file is valid, and every finding either way. */
export interface ParsedManifest {
  manifest?: Manifest;
  loaded?: LoadedYaml;
  findings: Finding[];
}

/**
 * Reads and validates one environment manifest: strict YAML, then the
 * schema, reporting every problem of the file at once. Never throws; an
 * internal failure becomes a finding that names the file.
 */
export function parseManifest(
  file: string,
  input: Uint8Array | string,
): ParsedManifest {
  try {
    return parse(file, input);
  } catch (error) {
    return { findings: [internalFailure(file, error)] };
  }
}

function parse(file: string, input: Uint8Array | string): ParsedManifest {
  const { loaded, findings } = loadYaml(file, input, DEFAULT_YAML_LIMITS);
  if (!loaded) return { findings };

  const result = ManifestSchema.safeParse(loaded.value);
  if (!result.success) {
    const issues = result.error.issues;
    return {
      loaded,
      findings: zodIssuesToFindings(file, loaded, issues, ManifestSchema),
    };
  }
  const manifest: Manifest = result.data;
  return { manifest, loaded, findings: [] };
}

function internalFailure(file: string, error: unknown): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  return makeFinding(
    file,
    { line: 1, column: 1 },
    {
      message:
        `Berth failed while checking ${file}; this is a bug in Berth, not ` +
        `in the file (${reason})`,
      fix: "report it to the Berth maintainers with this file attached",
    },
  );
}
