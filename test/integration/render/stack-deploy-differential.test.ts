/**
 * Berth against the reference: each bundled template, with one example
 * manifest, is deployed by Berth and, as the Compose file Berth
 * interpolates for it, by `docker stack deploy`. The service specs Docker
 * stores for both must differ only where Berth means them to.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SwarmClient } from "../../../app/swarm/swarm-client.js";
import {
  deployWithBerth,
  examplePerTemplate,
  type TemplateExample,
} from "../../support/berth-examples.js";
import { requireDocker } from "../../support/docker.js";
import { exampleRoot, type ExampleRoot } from "../../support/example-root.js";
import {
  deployStack,
  leftoversOf,
  objectsOf,
  removeNamespace,
} from "../../support/namespace-objects.js";
import {
  describeDifference,
  explain,
  specDifferences,
  type Difference,
  type IntendedDifference,
} from "../../support/spec-differences.js";
import { comparableSpec, storedSpec } from "../../support/stored-spec.js";

const REPOSITORY = join(import.meta.dirname, "../../..");

const BERTH_LABEL = "Berth's label";
const PORTS = "EndpointSpec.Ports[*]";
const CONTAINER = "TaskTemplate.ContainerSpec";
const VOLUME_LABELS = `${CONTAINER}.Mounts[*].VolumeOptions.Labels`;

/** Where Berth differs from `docker stack deploy` on purpose. */
const INTENDED: IntendedDifference[] = [
  {
    path: `${PORTS}.Name`,
    reason: "ports are named after the manifest's access port for URLs",
  },
  {
    path: `${PORTS}.PublishedPort`,
    reason: "Berth picks a stable host port; the reference lets Docker pick",
  },
  ...[
    "commit",
    "environment",
    "expires-after",
    "owners",
    "spec-hash",
    "tcp-access",
    "template",
  ].map((name) => ({
    path: `Labels["dev.berth.${name}"]`,
    reason: `${BERTH_LABEL}: what it owns, and where it came from`,
  })),
  ...[
    "Labels.team",
    "Labels.project",
    "Labels.purpose",
    'Labels["cost-center"]',
  ].map((path) => ({
    path,
    reason: "the manifest's metadata.labels, which Compose does not carry",
  })),
  {
    path: `${VOLUME_LABELS}["dev.berth.environment"]`,
    reason: `${BERTH_LABEL} on volumes a node creates on first use`,
  },
  {
    path: `${CONTAINER}.Configs[*].ConfigName`,
    reason: "named by content hash, as Swarm configs cannot change",
  },
  {
    path: `${CONTAINER}.Privileges.NoNewPrivileges`,
    reason:
      "the stack command sends Docker's default, false; Berth leaves it unset",
  },
];

interface Example extends TemplateExample {
  /** Environment name of Berth's deployment. */
  berth: string;
  /** Stack name of the reference deployment. */
  reference: string;
}

const log = pino({ level: "warn" }, pino.destination(2));
const swarm = new SwarmClient();
const roots: ExampleRoot[] = [];
const explained = new Set<IntendedDifference>();
const examples: Example[] = (await examplePerTemplate(REPOSITORY)).map(
  (example) => ({
    ...example,
    berth: `d-${example.template}`,
    reference: `d-ref-${example.template}`,
  }),
);
const namespaces = examples.flatMap((e) => [e.berth, e.reference]);

/** Differences between the stored specs of both deployments. */
function storedDifferences(example: Example): Difference[] {
  const { berth, reference } = example;
  const services = objectsOf("service", berth);
  expect(services).not.toEqual([]);
  const short = (names: string[], namespace: string) =>
    names.map((name) => name.slice(namespace.length + 1));
  expect(short(objectsOf("service", reference), reference)).toEqual(
    short(services, berth),
  );

  return short(services, berth).flatMap((service) =>
    specDifferences(
      service,
      comparableSpec(storedSpec(`${berth}_${service}`), berth, berth),
      comparableSpec(storedSpec(`${reference}_${service}`), reference, berth),
    ),
  );
}

beforeAll(() => {
  requireDocker();
  namespaces.forEach(removeNamespace);
});

afterAll(() => {
  namespaces.forEach(removeNamespace);
  roots.forEach((root) => root.dispose());
  expect(namespaces.flatMap(leftoversOf)).toEqual([]);
});

describe("Berth and docker stack deploy, on the bundled templates", () => {
  it.each(examples)(
    "store the same service specs for $template ($file)",
    async (example) => {
      const root = exampleRoot(REPOSITORY, example.file, example.berth);
      roots.push(root);
      const compose = await deployWithBerth(
        swarm,
        root.dir,
        example.berth,
        log,
      );
      const file = join(root.dir, "reference-compose.yaml");
      writeFileSync(file, compose);
      deployStack(example.reference, file);

      const differences = storedDifferences(example);
      removeNamespace(example.reference);
      removeNamespace(example.berth);

      const unexplained = differences.filter((d) => {
        const reason = explain(d, INTENDED);
        if (reason) explained.add(reason);
        return !reason;
      });
      expect(unexplained.map(describeDifference)).toEqual([]);
    },
    300_000,
  );

  it("list only differences that occur", () => {
    const unused = INTENDED.filter((item) => !explained.has(item));
    expect(unused.map((item) => item.path)).toEqual([]);
  });
});
