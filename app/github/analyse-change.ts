/**
 * Analyses one change of an environments repository (a pull request, a
 * merge or a push): which environments it affects, what is wrong with
 * them, and the plan against the live cluster. The materialised commit
 * stays on disk for an apply; the caller disposes of it.
 */
import type { Logger } from "../log.js";
import type { Finding } from "../manifest/finding.js";
import type { ManifestFile } from "../manifest/types.js";
import type { Plan } from "../planner/types.js";
import type { LiveState } from "../swarm/live-types.js";
import type { SwarmClient } from "../swarm/swarm-client.js";
import { loadEnvironments } from "../repo/load-environments.js";
import { planRepository } from "../engine/plan-repository.js";
import { isManifestPath, type ChangedFile } from "./changed-file.js";
import {
  affectedEnvironments,
  type AffectedEnvironments,
} from "./affected-environments.js";
import { manifestNames } from "./manifest-names.js";
import type {
  MaterialisedCommit,
  RepositorySource,
} from "./repository-source.js";

/** The change to analyse: commits and changed files. */
export interface ChangeRequest {
  /** The commit before the change; undefined when everything is new. */
  base?: string;
  head: string;
  /** Files changed from base to head; "all" plans every manifest. */
  changed: readonly ChangedFile[] | "all";
  pullRequest?: number;
}

/** The analysed change, ready to report or apply. */
export interface ChangeAnalysis {
  snapshot: MaterialisedCommit;
  affected: AffectedEnvironments;
  /** The plan of the affected environments only. */
  plan: Plan;
  live: LiveState;
  /** Manifests of the environments to apply. */
  manifests: ManifestFile[];
  /** Problems in the files of this change. */
  findings: Finding[];
}

/** Analyses `request`; the caller must `snapshot.dispose()`. */
export async function analyseChange(
  source: RepositorySource,
  swarm: SwarmClient,
  request: ChangeRequest,
  log: Logger,
): Promise<ChangeAnalysis> {
  const snapshot = await source.materialise(request.head);
  try {
    return await analyse(source, swarm, request, snapshot, log);
  } catch (err) {
    await snapshot.dispose();
    throw err;
  }
}

async function analyse(
  source: RepositorySource,
  swarm: SwarmClient,
  request: ChangeRequest,
  snapshot: MaterialisedCommit,
  log: Logger,
): Promise<ChangeAnalysis> {
  const loaded = await loadEnvironments(snapshot.dir);
  const changed =
    request.changed === "all"
      ? loaded.manifests.map((m): ChangedFile => ({
          path: m.file,
          status: "modified",
        }))
      : request.changed;
  const affected = affectedEnvironments({
    changed,
    head: loaded.manifests.map((m) => ({
      file: m.file,
      name: m.manifest.metadata.name,
      template: m.manifest.spec.template,
    })),
    base: await baseNames(source, request.base, changed),
    unreadable: unreadableManifests(changed, loaded.manifests, snapshot),
  });
  log.debug({ affected }, "affected environments");

  const destroy = affected.removalsHeld ? [] : affected.removed;
  const wanted = new Set([...affected.changed, ...destroy]);
  const planned = await planRepository(
    swarm,
    {
      root: snapshot.dir,
      commit: request.head,
      only: affected.changed,
      prune: destroy.length > 0,
      ...(request.pullRequest ? { pullRequest: request.pullRequest } : {}),
    },
    log,
  );
  const plan = {
    environments: planned.plan.environments.filter((e) =>
      wanted.has(e.environment),
    ),
  };
  return {
    snapshot,
    affected,
    plan: wanted.size > 0 ? plan : { environments: [] },
    live: planned.live,
    manifests: planned.manifests.filter((m) =>
      wanted.has(m.manifest.metadata.name),
    ),
    findings: relevantFindings(planned.findings, plan, affected, snapshot),
  };
}

async function baseNames(
  source: RepositorySource,
  base: string | undefined,
  changed: readonly ChangedFile[],
) {
  if (!base) return [];
  const paths = changed
    .filter((f) => f.status !== "added")
    .map((f) => f.previousPath ?? f.path)
    .filter(isManifestPath);
  if (paths.length === 0) return [];
  return manifestNames(await source.readFiles(base, paths));
}

function unreadableManifests(
  changed: readonly ChangedFile[],
  valid: readonly ManifestFile[],
  snapshot: MaterialisedCommit,
): string[] {
  const validFiles = new Set(valid.map((m) => m.file));
  const refused = snapshot.refused.map((f) => f.file).filter(isManifestPath);
  const invalid = changed
    .filter((f) => f.status !== "removed" && isManifestPath(f.path))
    .map((f) => f.path)
    .filter((path) => !validFiles.has(path));
  return [...new Set([...refused, ...invalid])];
}

function relevantFindings(
  all: readonly Finding[],
  plan: Plan,
  affected: AffectedEnvironments,
  snapshot: MaterialisedCommit,
): Finding[] {
  const files = new Set(affected.files);
  const templates = new Set(
    affected.files
      .map((f) => /^templates\/([^/]+)\//.exec(f)?.[1])
      .filter((t): t is string => !!t),
  );
  const relevant = (f: Finding) =>
    files.has(f.file) ||
    [...templates].some((t) => f.file.startsWith(`templates/${t}/`));
  const fromPlan = plan.environments.flatMap((e) => e.findings);
  const findings = [
    ...snapshot.refused,
    ...all.filter((f) => relevant(f) || fromPlan.includes(f)),
  ];
  if (affected.removalsHeld && affected.removed.length > 0) {
    findings.push(heldRemovals(affected.removed));
  }
  return [...new Set(findings)];
}

function heldRemovals(removed: readonly string[]): Finding {
  return {
    file: "environments",
    line: 1,
    column: 1,
    path: "",
    message:
      `${removed.join(", ")} would be destroyed, but a changed manifest ` +
      "could not be read, so nothing is destroyed",
    fix: "fix the manifests reported here; removals are planned again then",
    severity: "warning",
  };
}
