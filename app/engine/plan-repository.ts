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
import { loadEnvironments } from "../repo/load-environments.js";
import { renderEnvironment } from "../render/render.js";
import { planAll } from "../planner/plan.js";
import { preflightAll } from "../planner/preflight.js";
import { pruneTargets } from "./prune-targets.js";
import { foreignEnvironments } from "./foreign-environments.js";
import { observePlan } from "../observe/engine-metrics.js";
import { planRouting } from "../gateway/plan-routing.js";
import type { GatewayRouting } from "../render/gateway-routing.js";
import { allocateAllPorts } from "./allocate-all-ports.js";
import { probeFor } from "./host-port-probe.js";

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
export function planRepository(
  swarm: SwarmClient,
  request: PlanRequest,
  log: Logger,
): Promise<RepositoryPlan> {
  return observePlan(() => planOnce(swarm, request, log));
}

async function planOnce(
  swarm: SwarmClient,
  request: PlanRequest,
  log: Logger,
): Promise<RepositoryPlan> {
  const loaded = await loadEnvironments(request.root);
  const findings = [...loaded.findings];
  const selected = selectManifests(loaded.manifests, request.only, findings);
  log.debug({ environments: selected.length }, "manifests loaded");

  const live = await swarm.readLiveState();
  const routing = await planRouting(swarm, selected, loaded.templates, live);
  const ports = await allocateAllPorts(selected, live, probeFor());
  const desired = renderAll(
    selected,
    loaded.templates,
    request,
    routing,
    ports,
  );
  const presentImages = await findPresentImages(swarm, desired);
  const pruning = request.prune
    ? pruneTargets(live, loaded.manifests, loaded.findings, request.history)
    : { destroy: [] };
  const destroy = pruning.destroy;
  if (pruning.held) findings.push(pruning.held);
  if (request.history) {
    findings.push(...foreignEnvironments(selected, live, request.history));
  }

  const plan = planAll(desired, live, { destroy, presentImages });
  const preflightFindings = preflightAll(desired, live, {
    manifestPaths: new Map(
      selected.map((m) => [m.manifest.metadata.name, m.file]),
    ),
    destroy,
  });
  const byName = new Map(selected.map((m) => [m.manifest.metadata.name, m]));
  for (const environment of plan.environments) {
    const manifest = byName.get(environment.environment);
    environment.findings.push(
      ...(preflightFindings.get(environment.environment) ?? []).map((f) =>
        placeFinding(f, manifest),
      ),
    );
    findings.push(...environment.findings);
  }
  return { plan, live, manifests: selected, findings };
}

/** Points a pre-flight finding at the line of its field in the manifest. */
function placeFinding(finding: Finding, manifest?: ManifestFile): Finding {
  if (!manifest?.locate || !finding.path) return finding;
  const path = finding.path
    .split(/[.[\]]/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  return { ...finding, ...manifest.locate(path) };
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
  request: PlanRequest,
  routing: ReadonlyMap<string, GatewayRouting>,
  ports: ReadonlyMap<string, Record<string, number>>,
): DesiredEnvironment[] {
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
        publishedPorts: ports.get(manifest.metadata.name) ?? {},
        gateway: routing.get(manifest.metadata.name),
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
