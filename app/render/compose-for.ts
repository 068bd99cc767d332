/**
 * The Compose file of a template for one manifest: interpolated with the
 * manifest's parameters (defaults filled in) and the environment's name.
 */
import { formatFinding } from "../manifest/finding.js";
import type { Manifest } from "../manifest/types.js";
import type { ComposeFile } from "../template/compose-schema.js";
import type { Template } from "../template/types.js";
import { parseCompose } from "../template/parse-compose.js";
import {
  interpolationVariables,
  resolveParameters,
} from "../template/parameters.js";

/**
 * Parses the template's Compose file for `manifest`.
 * @throws Error when it does not validate; `checkManifestAgainstTemplate`
 * reports that case as findings before anything renders.
 */
export function composeFor(
  template: Template,
  manifest: Manifest,
): ComposeFile {
  const variables = interpolationVariables(
    resolveParameters(template, manifest.spec.parameters),
    manifest.metadata.name,
  );
  const file = `templates/${template.name}/compose.yaml`;
  const parsed = parseCompose(file, template.composeText, variables);
  if (!parsed.compose) {
    const details = parsed.findings.map(formatFinding).join("\n");
    throw new Error(
      `${file} does not validate for ${manifest.metadata.name}; ` +
        `run berth validate:\n${details}`,
    );
  }
  return parsed.compose;
}
