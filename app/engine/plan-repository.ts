/**
 * Plans a repository snapshot against the live cluster: load and check the
 * manifests, render each into the objects it needs, compare with what runs,
 * and run the pre-flight checks. Reads only; changes nothing.
 */
import type { Logger } from "../log.js";
import type { Finding } from "../manifest/finding.js";
import type { ManifestFile } from "../manifest/types.js";
import type { DesiredEnvironment } from "../render/types.js";
import type { LiveState } from "../swarm/live-types.js";
import type { TemplateSet } from "../template/types.js";
import type { Plan } from "../planner/types.js";
import type { SwarmClient } from "../swarm/swarm-client.js";
import { COMMIT_LABEL, ENVIRONMENT_LABEL } from "../swarm/labels.js";
import { loadEnvironments } from "../repo/load-environments.js";
import { renderEnvironment } from "../render/render.js";
import { planAll } from "../planner/plan.js";
import { preflightAll } from "../planner/preflight.js";
import {
  allocatePorts,
  livePublishedPorts,
  takenPorts,
} from "./allocate-ports.js";

export interface PlanRequest {
  /** Folder holding the snapshot's environments/ and templates/. */
  root: string;
  commit: string;
  /** Environments to plan; all of the repository when empty. */
  only: readonly string[];
  /** Also destroy environments that run but have no manifest any more. */
  prune: boolean;
  /**
   * When pruning, destroy only environments last applied from one of these
   * commits (the repository's history); all orphans when undefined.
   */
  history?: ReadonlySet<string>;
  pullRequest?: number;
}

export interface RepositoryPlan {
  plan: Plan;
  live: LiveState;
  manifests: ManifestFile[];
  /** Problems in manifests and templates, and pre-flight problems. */
  findings: Finding[];
}

/** Builds the plan for `request` against the live cluster. */
export async function planRepository(
  swarm: SwarmClient,
  request: PlanRequest,
  log: Logger,
): Promise<RepositoryPlan> {
  const loaded = await loadEnvironments(request.root);
  const findings = [...loaded.findings];
  const selected = selectManifests(loaded.manifests, request.only, findings);
  log.debug({ environments: selected.length }, "manifests loaded");

  const live = await swarm.readLiveState();
  const desired = renderAll(selected, loaded.templates, live, request);
  const presentImages = await findPresentImages(swarm, desired);
  const destroy = request.prune
    ? orphanEnvironments(live, loaded.manifests, request.history)
    : [];

  const plan = planAll(desired, live, { destroy, presentImages });
  const preflightFindings = preflightAll(desired, live, {
    manifestPaths: new Map(
      selected.map((m) => [m.manifest.metadata.name, m.file]),
    ),
    destroy,
  });
  for (const environment of plan.environments) {
    environment.findings.push(
      ...(preflightFindings.get(environment.environment) ?? []),
    );
    findings.push(...environment.findings);
  }
  return { plan, live, manifests: selected, findings };
}

function selectManifests(
  manifests: ManifestFile[],
  only: readonly string[],
  findings: Finding[],
): ManifestFile[] {
  if (only.length === 0) return manifests;
  const known = new Set(manifests.map((m) => m.manifest.metadata.name));
  for (const name of only) {
    if (known.has(name)) continue;
    findings.push({
      file: name,
      line: 1,
      column: 1,
      path: "",
      message: `no valid manifest under environments/ defines ${name}`,
      fix: `check the name, or run \`berth validate\` to see why it failed`,
      severity: "error",
    });
  }
  return manifests.filter((m) => only.includes(m.manifest.metadata.name));
}

function renderAll(
  manifests: ManifestFile[],
  templates: TemplateSet,
  live: LiveState,
  request: PlanRequest,
): DesiredEnvironment[] {
  const published = livePublishedPorts(live.services);
  const taken = takenPorts(live.services);
  const desired: DesiredEnvironment[] = [];
  for (const { manifest } of manifests) {
    // Manifests whose template is missing were refused while loading.
    const template = templates.get(manifest.spec.template);
    if (!template) continue;
    desired.push(
      renderEnvironment({
        manifest,
        template,
        commit: request.commit,
        pullRequest: request.pullRequest,
        publishedPorts: allocatePorts(manifest, published, taken),
      }),
    );
  }
  return desired;
}

async function findPresentImages(
  swarm: SwarmClient,
  desired: DesiredEnvironment[],
): Promise<Set<string>> {
  const refs = new Set(desired.flatMap((d) => d.images.map((i) => i.ref)));
  const present = new Set<string>();
  await Promise.all(
    [...refs].map(async (ref) => {
      if (await swarm.imageExists(ref)) present.add(ref);
    }),
  );
  return present;
}

/**
 * Live environments with no manifest in the repository; with `history`,
 * only those whose services were applied from one of its commits.
 */
export function orphanEnvironments(
  live: LiveState,
  manifests: readonly ManifestFile[],
  history?: ReadonlySet<string>,
): string[] {
  const wanted = new Set(manifests.map((m) => m.manifest.metadata.name));
  const running = new Map<string, boolean>();
  for (const object of [...live.services, ...live.networks, ...live.configs]) {
    const labels = "spec" in object ? object.spec.Labels : object.labels;
    const env = labels?.[ENVIRONMENT_LABEL];
    if (!env || wanted.has(env)) continue;
    const commit = labels?.[COMMIT_LABEL];
    const ours = !history || (commit !== undefined && history.has(commit));
    running.set(env, (running.get(env) ?? false) || ours);
  }
  return [...running]
    .filter(([, ours]) => ours)
    .map(([env]) => env)
    .sort();
}
