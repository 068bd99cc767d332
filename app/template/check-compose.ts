/**
 * Checks a Compose file that passed its schema for what the schema cannot
 * see: names, references between sections, volume and command syntax,
 * reserved labels. Pure; findings point into the file.
 */
import type { Finding } from "../manifest/finding.js";
import type { LoadedYaml, YamlPath } from "../manifest/yaml-load.js";
import { makeFinding } from "../manifest/make-finding.js";
import { formatYamlPath } from "../manifest/yaml-path.js";
import type { ComposeFile, ComposeService } from "./compose-schema.js";
import {
  commandWords,
  configEntry,
  mapEntries,
  volumeEntry,
} from "./compose-values.js";
import {
  MAX_CONFIG_NAME,
  MAX_SERVICE_NAME,
  MAX_VOLUME_NAME,
  nameProblem,
} from "./compose-names.js";
import { checkBuild } from "./check-build.js";

type Report = (path: YamlPath, message: string, fix: string) => void;

const RESERVED_LABEL = /^(com\.docker\.stack\.|dev\.berth\.)/;
const HEALTH_KINDS = ["CMD", "CMD-SHELL", "NONE"];

/** Returns every finding of a schema-valid Compose file. */
export function checkCompose(
  file: string,
  compose: ComposeFile,
  loaded: LoadedYaml,
): Finding[] {
  const findings: Finding[] = [];
  const report: Report = (path, message, fix) =>
    findings.push(
      makeFinding(file, loaded.locate(path), {
        path: formatYamlPath(path),
        message,
        fix,
      }),
    );

  checkTopNames(compose, report);
  for (const [name, service] of Object.entries(compose.services)) {
    checkService(name, service, compose, loaded, report);
  }
  return findings;
}

function checkTopNames(compose: ComposeFile, report: Report) {
  if (Object.keys(compose.services).length === 0) {
    report(["services"], "the file declares no service", "add a service");
  }
  const kinds = [
    ["services", compose.services, MAX_SERVICE_NAME],
    ["volumes", compose.volumes ?? {}, MAX_VOLUME_NAME],
    ["configs", compose.configs ?? {}, MAX_CONFIG_NAME],
  ] as const;
  for (const [section, entries, max] of kinds) {
    for (const name of Object.keys(entries)) {
      const problem = nameProblem(name, max);
      if (problem) {
        report([section, name], `${name} is not a valid name`, problem);
      }
    }
  }
}

function checkService(
  name: string,
  service: ComposeService,
  compose: ComposeFile,
  loaded: LoadedYaml,
  report: Report,
) {
  const at = (...rest: (string | number)[]) => ["services", name, ...rest];

  checkImage(service, at, report);
  checkBuild(service.build, at("build"), report);
  checkVolumes(service, compose, at, report);
  checkConfigs(service, compose, loaded, at, report);
  checkCommands(service, at, report);
  checkHealthcheck(service, at, report);
  checkLists(service, at, report);
}

function checkImage(
  service: ComposeService,
  at: (...rest: (string | number)[]) => YamlPath,
  report: Report,
) {
  if (service.image !== undefined && service.build !== undefined) {
    report(
      at("image"),
      "a service that Berth builds takes no image name",
      "remove image: Berth tags built images by their content hash",
    );
  }
  if (service.image === undefined && service.build === undefined) {
    report(at(), "the service has neither image nor build", "add one");
  }
}

function checkVolumes(
  service: ComposeService,
  compose: ComposeFile,
  at: (...rest: (string | number)[]) => YamlPath,
  report: Report,
) {
  const declared = Object.keys(compose.volumes ?? {});
  (service.volumes ?? []).forEach((item, index) => {
    const entry = volumeEntry(item);
    if (entry.type === "refused") {
      report(at("volumes", index), entry.message, entry.fix);
    } else if (entry.type === "volume" && !declared.includes(entry.source)) {
      report(
        at("volumes", index),
        `volume ${entry.source} is not declared`,
        `declare it under the top-level volumes (declared: ` +
          `${declared.join(", ") || "none"})`,
      );
    }
  });
}

function checkConfigs(
  service: ComposeService,
  compose: ComposeFile,
  loaded: LoadedYaml,
  at: (...rest: (string | number)[]) => YamlPath,
  report: Report,
) {
  const declared = Object.keys(compose.configs ?? {});
  (service.configs ?? []).forEach((item, index) => {
    const entry = configEntry(item);
    if (!declared.includes(entry.source)) {
      report(
        at("configs", index),
        `config ${entry.source} is not declared`,
        `declare it under the top-level configs (declared: ` +
          `${declared.join(", ") || "none"})`,
      );
    }
    const modePath = at("configs", index, "mode");
    const written = loaded.sourceText?.(modePath);
    if (written !== undefined && /^0\d+$/.test(written.trim())) {
      report(
        modePath,
        `mode ${written} is read as the decimal number ${written} ` +
          "(YAML 1.2), not as octal",
        `write 0o${written.trim().slice(1)} for an octal mode`,
      );
    }
  });
}

function checkCommands(
  service: ComposeService,
  at: (...rest: (string | number)[]) => YamlPath,
  report: Report,
) {
  for (const key of ["command", "entrypoint"] as const) {
    const words = commandWords(service[key]);
    if (words && !Array.isArray(words)) {
      report(at(key), words.error, words.fix);
    }
  }
}

function checkHealthcheck(
  service: ComposeService,
  at: (...rest: (string | number)[]) => YamlPath,
  report: Report,
) {
  const health = service.healthcheck;
  if (!health) return;
  if (health.disable && health.test !== undefined) {
    report(
      at("healthcheck"),
      "test and disable cannot be set together",
      "remove one of them",
    );
  }
  const kind = Array.isArray(health.test) ? health.test[0] : undefined;
  if (kind !== undefined && !HEALTH_KINDS.includes(kind)) {
    report(
      at("healthcheck", "test", 0),
      `a healthcheck list starts with CMD, CMD-SHELL or NONE, not ${kind}`,
      `write ["CMD", ...] to run a program, or a string for a shell command`,
    );
  }
}

function checkLists(
  service: ComposeService,
  at: (...rest: (string | number)[]) => YamlPath,
  report: Report,
) {
  mapEntries(service.environment).forEach(([key, value], index) => {
    if (value !== undefined) return;
    report(
      at("environment", index),
      `${key} has no value: Compose would copy it from the shell that ` +
        "deploys, which Berth does not have",
      `write ${key}=VALUE`,
    );
  });
  const labels = [
    ...mapEntries(service.labels).map(([key]) => ["labels", key]),
    ...mapEntries(service.deploy?.labels).map(([key]) => [
      "deploy",
      "labels",
      key,
    ]),
  ];
  for (const path of labels) {
    const key = path[path.length - 1] ?? "";
    if (!RESERVED_LABEL.test(key)) continue;
    report(
      at(...path),
      `the label ${key} is reserved for Berth and docker stack`,
      "choose a label outside com.docker.stack. and dev.berth.",
    );
  }
}
