/**
 * Works out what approvals a pull request still lacks, from its reviews,
 * the owners of the environments it changes and the code owners of its
 * files, as the repository's settings ask.
 */
import type { GitHubClient, RepoRef } from "./github-client.js";
import type { BerthSettings } from "./settings.js";
import type { ChangeAnalysis } from "./analyse-change.js";
import { missingApprovals } from "./approvals.js";
import { ownerMembership } from "./owner-membership.js";
import { ownersOf, parseCodeowners } from "./codeowners.js";

/** The pull request whose approvals are checked. */
export interface ApprovalRequest {
  settings: BerthSettings;
  number: number;
  author: string;
  analysis: ChangeAnalysis;
  /** The base's `.github/CODEOWNERS`, empty when it has none. */
  codeowners: string;
}

/** Missing approvals, one sentence each; empty when none are missing. */
export async function approvalStatus(
  octokit: GitHubClient,
  repo: RepoRef,
  request: ApprovalRequest,
): Promise<string[]> {
  if (request.settings.requireApproval === "none") return [];
  const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, {
    ...repo,
    pull_number: request.number,
    per_page: 100,
  });
  const rules = parseCodeowners(request.codeowners);
  return missingApprovals({
    settings: request.settings,
    author: request.author,
    reviews: reviews.map((r) => ({
      user: r.user?.login ?? "",
      state: r.state,
    })),
    // TODO: a removed environment has no manifest left to name its
    // owners; read them from its live labels, so that destroying one also
    // needs an owner's approval under `requireApproval: owner`.
    environments: request.analysis.manifests.map((m) => ({
      name: m.manifest.metadata.name,
      owners: m.manifest.metadata.owners,
    })),
    codeowners: request.analysis.affected.files.map((path) => ({
      path,
      owners: ownersOf(rules, path),
    })),
    isMember: ownerMembership(octokit),
  });
}
