/**
 * Loads one template folder: `template.yaml`, then `compose.yaml` checked
 * with sample parameter values, then the files they name (Dockerfiles,
 * build contexts, config files). Returns the template only when it has no
 * error.
 */
import { basename, join, relative, sep } from "node:path";
import type { Finding } from "../manifest/finding.js";
import { hasErrors } from "../manifest/finding.js";
import type { LoadedYaml } from "../manifest/yaml-load.js";
import { loadYaml } from "../manifest/yaml-load.js";
import { makeFinding } from "../manifest/make-finding.js";
import { zodIssuesToFindings } from "../manifest/zod-findings.js";
import type { ComposeFile } from "./compose-schema.js";
import type { Template } from "./types.js";
import { TemplateFile } from "./template-schema.js";
import { parseCompose } from "./parse-compose.js";
import { checkCompose } from "./check-compose.js";
import {
  checkParameters,
  checkServicesOfTemplate,
} from "./check-template-file.js";
import { interpolationVariables, sampleParameters } from "./parameters.js";
import { nameProblem } from "./compose-names.js";
import {
  readBuilds,
  readConfigFiles,
  readTextFile,
} from "./read-template-files.js";

/** Environment name used when checking a template on its own. */
const SAMPLE_ENVIRONMENT = "sample";
const MAX_TEMPLATE_NAME = 30;

/** Loads the template in folder `dir`; paths in findings start at `root`. */
export async function loadTemplate(
  dir: string,
  root: string,
): Promise<{ template?: Template; findings: Finding[] }> {
  const name = basename(dir);
  const file = (leaf: string) =>
    relative(root, join(dir, leaf)).split(sep).join("/");
  const templateFile = file("template.yaml");

  const nameIssue = nameProblem(name, MAX_TEMPLATE_NAME);
  if (nameIssue) {
    return {
      findings: [
        makeFinding(
          templateFile,
          { line: 1, column: 1 },
          {
            message: `the template folder name ${name} cannot name images`,
            fix: `rename the folder: ${nameIssue}`,
          },
        ),
      ],
    };
  }

  const head = await readTemplateYaml(join(dir, "template.yaml"), templateFile);
  if (!head.value || !head.loaded) return { findings: head.findings };

  const composeFile = file("compose.yaml");
  const composeText = await readTextFile(
    join(dir, "compose.yaml"),
    composeFile,
  );
  if (composeText.text === undefined) {
    return { findings: [...head.findings, ...composeText.findings] };
  }

  const variables = interpolationVariables(
    sampleParameters(head.value.parameters),
    SAMPLE_ENVIRONMENT,
  );
  const parsed = parseCompose(composeFile, composeText.text, variables);
  const findings = [...head.findings, ...parsed.findings];
  if (!parsed.compose || !parsed.loaded) return { findings };

  findings.push(
    ...checkCompose(composeFile, parsed.compose, parsed.loaded),
    ...checkServicesOfTemplate(
      templateFile,
      head.value,
      head.loaded,
      Object.keys(parsed.compose.services),
    ),
  );
  if (hasErrors(findings)) return { findings };

  const files = await readFiles(
    dir,
    composeFile,
    parsed.compose,
    parsed.loaded,
  );
  findings.push(...files.findings);
  if (hasErrors(findings)) return { findings };

  const template: Template = {
    name,
    dir,
    description: head.value.description,
    parameters: head.value.parameters,
    workspace: head.value.workspace,
    ports: head.value.ports,
    composeText: composeText.text,
    builds: files.builds,
    configData: files.configData,
  };
  return { template, findings };
}

async function readTemplateYaml(
  path: string,
  file: string,
): Promise<{ value?: TemplateFile; loaded?: LoadedYaml; findings: Finding[] }> {
  const read = await readTextFile(path, file);
  if (read.text === undefined) return { findings: read.findings };

  const { loaded, findings } = loadYaml(file, read.text);
  if (!loaded) return { findings };

  const parsed = TemplateFile.safeParse(loaded.value);
  if (!parsed.success) {
    return { findings: zodIssuesToFindings(file, loaded, parsed.error.issues) };
  }
  const problems = checkParameters(file, parsed.data, loaded);
  if (hasErrors(problems)) return { findings: problems };
  return { value: parsed.data, loaded, findings: problems };
}

async function readFiles(
  dir: string,
  composeFile: string,
  compose: ComposeFile,
  loaded: LoadedYaml,
) {
  const at = (path: string[]) => ({
    file: composeFile,
    ...loaded.locate(path),
  });
  const builds = await readBuilds(dir, compose, (service) =>
    at(["services", service, "build"]),
  );
  const configs = await readConfigFiles(dir, compose, (config) =>
    at(["configs", config, "file"]),
  );
  return {
    builds: builds.builds,
    configData: configs.data,
    findings: [...builds.findings, ...configs.findings],
  };
}
