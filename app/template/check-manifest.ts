/**
 * Checks a valid manifest against the template it names: the template
 * exists, parameters are known, typed right and complete, access ports
 * are offered by the template, and the Compose file still holds with the
 * manifest's values. Pure.
 */
import type { Finding } from "../manifest/finding.js";
import type { Manifest } from "../manifest/types.js";
import type { LoadedYaml, YamlPath } from "../manifest/yaml-load.js";
import {
  makeFinding,
  sortFindings,
  type FindingDraft,
} from "../manifest/make-finding.js";
import { formatYamlPath } from "../manifest/yaml-path.js";
import type { Template, TemplateSet } from "./types.js";
import { nearestName } from "./nearest-name.js";
import {
  interpolationVariables,
  parameterTypeProblem,
  resolveParameters,
} from "./parameters.js";
import { parseCompose } from "./parse-compose.js";
import { checkCompose } from "./check-compose.js";

type Report = (path: YamlPath, draft: FindingDraft, key?: boolean) => void;

const RESERVED_ENV = /^BERTH_/;

/** Returns every finding of `manifest` (from `file`) against its template. */
export function checkManifestAgainstTemplate(
  file: string,
  manifest: Manifest,
  loaded: LoadedYaml,
  templates: TemplateSet,
): Finding[] {
  const findings: Finding[] = [];
  const report: Report = (path, draft, key = false) =>
    findings.push(
      makeFinding(file, key ? loaded.locateKey(path) : loaded.locate(path), {
        path: formatYamlPath(path),
        ...draft,
      }),
    );

  const template = templates.get(manifest.spec.template);
  if (!template) {
    reportUnknownTemplate(manifest.spec.template, templates, report);
    return findings;
  }
  checkParameterNames(manifest, template, report);
  checkParameterValues(manifest, template, report);
  checkAccessPorts(manifest, template, report);
  checkEnvNames(manifest, report);
  if (findings.length === 0) checkRendering(manifest, template, report);
  return sortFindings(findings);
}

function reportUnknownTemplate(
  name: string,
  templates: TemplateSet,
  report: Report,
) {
  const names = [...templates.keys()].sort();
  const near = nearestName(name, names);
  report(["spec", "template"], {
    message: `there is no template ${name}`,
    found: name,
    expected: `one of ${names.join(", ") || "(no valid template)"}`,
    fix: near
      ? `did you mean ${near}?`
      : "choose a folder under templates/, or add one",
  });
}

function checkParameterNames(
  manifest: Manifest,
  template: Template,
  report: Report,
) {
  const known = Object.keys(template.parameters);
  for (const name of Object.keys(manifest.spec.parameters)) {
    if (known.includes(name)) continue;
    const near = nearestName(name, known);
    report(
      ["spec", "parameters", name],
      {
        message: `template ${template.name} has no parameter ${name}`,
        expected: `one of ${known.join(", ") || "(none)"}`,
        fix: near ? `did you mean ${near}?` : `remove ${name}`,
      },
      true,
    );
  }
}

function checkParameterValues(
  manifest: Manifest,
  template: Template,
  report: Report,
) {
  const given = manifest.spec.parameters;
  for (const [name, parameter] of Object.entries(template.parameters)) {
    const value = given[name];
    if (value === undefined) {
      if (parameter.default !== undefined) continue;
      report(["spec", "parameters"], {
        message: `template ${template.name} requires the parameter ${name}`,
        expected: describeType(parameter.type, parameter.values),
        fix:
          `add ${name} under spec.parameters` +
          (parameter.description ? ` (${parameter.description})` : ""),
      });
      continue;
    }
    const problem = parameterTypeProblem(parameter, value);
    if (!problem) continue;
    report(["spec", "parameters", name], {
      message: `the parameter ${name} has the wrong type or value`,
      ...problem,
    });
  }
}

function describeType(type: string, values?: string[]): string {
  if (type === "enum") return `one of ${(values ?? []).join(", ")}`;
  return type === "string" ? "text" : `a ${type}`;
}

function checkAccessPorts(
  manifest: Manifest,
  template: Template,
  report: Report,
) {
  const offered = template.ports.map(
    (port) => `${port.service}:${port.port} (${port.name})`,
  );
  manifest.spec.access.ports.forEach((access, index) => {
    const match = template.ports.some(
      (port) => port.service === access.service && port.port === access.port,
    );
    if (match) return;
    report(["spec", "access", "ports", index], {
      message:
        `template ${template.name} offers no port ${access.port} ` +
        `on ${access.service}`,
      found: `${access.service}:${access.port}`,
      expected: `one of ${offered.join(", ") || "(no ports)"}`,
      fix: "choose a port the template offers, or offer it in template.yaml",
    });
  });
}

function checkEnvNames(manifest: Manifest, report: Report) {
  for (const name of Object.keys(manifest.spec.env)) {
    if (!RESERVED_ENV.test(name)) continue;
    report(
      ["spec", "env", name],
      {
        message: `${name} is set by Berth itself`,
        fix: "choose a variable name that does not start with BERTH_",
      },
      true,
    );
  }
}

function checkRendering(
  manifest: Manifest,
  template: Template,
  report: Report,
) {
  const composeFile = `templates/${template.name}/compose.yaml`;
  const variables = interpolationVariables(
    resolveParameters(template, manifest.spec.parameters),
    manifest.metadata.name,
  );
  const parsed = parseCompose(composeFile, template.composeText, variables);
  const findings =
    parsed.compose && parsed.loaded
      ? checkCompose(composeFile, parsed.compose, parsed.loaded)
      : parsed.findings;
  const first = findings[0];
  if (!first) return;
  report(["spec", "parameters"], {
    message:
      `with these parameters, ${composeFile} is invalid at line ` +
      `${first.line}: ${first.message}`,
    fix: `change the parameters used at ${first.path || "that line"}`,
  });
}
