/**
 * Checks `template.yaml` beyond its schema: parameter names, types and
 * defaults, and that the workspace and access ports name real services.
 */
import type { Finding } from "../manifest/finding.js";
import type { LoadedYaml, YamlPath } from "../manifest/yaml-load.js";
import { makeFinding } from "../manifest/make-finding.js";
import { formatYamlPath } from "../manifest/yaml-path.js";
import type { TemplateFile } from "./template-schema.js";
import { parameterTypeProblem } from "./parameters.js";
import { nearestName } from "./nearest-name.js";

/** Ports Berth keeps for itself; templates cannot offer them to users. */
export const RESERVED_PORTS: Record<number, string> = {
  22: "Berth reaches workspaces over SSH on port 22",
};

const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Report = (path: YamlPath, message: string, fix: string) => void;

/** Checks the parameters of a schema-valid `template.yaml`. */
export function checkParameters(
  file: string,
  template: TemplateFile,
  loaded: LoadedYaml,
): Finding[] {
  const findings: Finding[] = [];
  const report = reporter(file, loaded, findings);
  for (const [name, parameter] of Object.entries(template.parameters)) {
    const at = ["parameters", name];
    if (!PARAMETER_NAME.test(name) || name.startsWith("BERTH_")) {
      report(
        at,
        `${name} cannot be a parameter name`,
        "use letters, digits and _, starting with a letter; BERTH_ is " +
          "reserved",
      );
    }
    const isEnum = parameter.type === "enum";
    if (isEnum !== (parameter.values !== undefined)) {
      report(
        [...at, "values"],
        isEnum
          ? "an enum parameter lists its values"
          : "only enums list values",
        isEnum ? "add values: [...]" : "remove values, or use type: enum",
      );
    }
    const value = parameter.default;
    const problem =
      value === undefined ? undefined : parameterTypeProblem(parameter, value);
    if (problem) {
      report(
        [...at, "default"],
        `the default is ${problem.found}, expected ${problem.expected}`,
        problem.fix,
      );
    }
  }
  return findings;
}

/** Checks the workspace and ports against the Compose services. */
export function checkServicesOfTemplate(
  file: string,
  template: TemplateFile,
  loaded: LoadedYaml,
  services: readonly string[],
): Finding[] {
  const findings: Finding[] = [];
  const report = reporter(file, loaded, findings);
  const known = (name: string) => services.includes(name);
  const suggest = (name: string) => {
    const near = nearestName(name, services);
    return near
      ? `did you mean ${near}?`
      : `use one of: ${services.join(", ")}`;
  };

  if (!known(template.workspace)) {
    report(
      ["workspace"],
      `the workspace ${template.workspace} is not a service of compose.yaml`,
      suggest(template.workspace),
    );
  }
  const names = new Set<string>();
  const targets = new Set<string>();
  template.ports.forEach((port, index) => {
    const at = ["ports", index];
    const target = `${port.service}:${port.port}`;
    if (!known(port.service)) {
      report(
        [...at, "service"],
        `no service ${port.service}`,
        suggest(port.service),
      );
    }
    const reserved = RESERVED_PORTS[port.port];
    if (reserved) {
      report(
        [...at, "port"],
        `port ${port.port} is reserved: ${reserved}`,
        "offer another port",
      );
    }
    if (names.has(port.name)) {
      report(
        [...at, "name"],
        `the port name ${port.name} is used twice`,
        "give each port its own name",
      );
    }
    if (targets.has(target)) {
      report(at, `${target} is offered twice`, "remove one of them");
    }
    names.add(port.name);
    targets.add(target);
  });
  return findings;
}

function reporter(file: string, loaded: LoadedYaml, findings: Finding[]) {
  const report: Report = (path, message, fix) =>
    findings.push(
      makeFinding(file, loaded.locate(path), {
        path: formatYamlPath(path),
        message,
        fix,
      }),
    );
  return report;
}
