/**
 * The example manifests of the repository, one per bundled template, and
 * their deployment by Berth in-process: plan, then apply, as the `apply`
 * command does.
 */
import type { Logger } from "../../app/log.js";
import { formatFinding } from "../../app/manifest/finding.js";
import { planRepository } from "../../app/engine/plan-repository.js";
import { applyRepositoryPlan } from "../../app/engine/apply-repository.js";
import { interpolatedCompose } from "../../app/render/interpolated-compose.js";
import { loadEnvironments } from "../../app/repo/load-environments.js";
import type { SwarmClient } from "../../app/swarm/swarm-client.js";

export interface TemplateExample {
  template: string;
  /** Manifest file, relative to the repository. */
  file: string;
}

/** The first example manifest of each template, by template name. */
export async function examplePerTemplate(
  repository: string,
): Promise<TemplateExample[]> {
  const { manifests, templates } = await loadEnvironments(repository);
  return [...templates.keys()].sort().map((template) => {
    const found = manifests.find((m) => m.manifest.spec.template === template);
    if (!found) throw new Error(`no example manifest uses ${template}`);
    return { template, file: found.file };
  });
}

/**
 * Plans and applies environment `name` of the repository folder `root`;
 * returns the Compose file Berth interpolates for its manifest.
 * @throws Error when the plan has findings or the apply does not create it.
 */
export async function deployWithBerth(
  swarm: SwarmClient,
  root: string,
  name: string,
  log: Logger,
): Promise<string> {
  const commit = "d".repeat(40);
  const planned = await planRepository(
    swarm,
    { root, commit, only: [name], prune: false },
    log,
  );
  if (planned.findings.length > 0) {
    throw new Error(planned.findings.map(formatFinding).join("\n"));
  }

  const [result] = await applyRepositoryPlan(planned.plan, {
    swarm,
    log,
    live: planned.live,
  });
  if (result?.outcome !== "created") {
    throw new Error(`${name} was not created: ${result?.error}`);
  }

  const { manifest } = planned.manifests[0]!;
  const { templates } = await loadEnvironments(root);
  return interpolatedCompose(templates.get(manifest.spec.template)!, manifest);
}
