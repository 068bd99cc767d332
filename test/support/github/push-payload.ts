/**
 * `push` webhook payloads listing the pushed commits from git.
 */
import type { GitHubDouble } from "./types.js";
import { ZERO, adjust, common, git } from "./webhook-common.js";
import { webhookExample } from "./webhook-examples.js";
import { assertWebhook } from "./webhook-schema.js";

function names(d: GitHubDouble, sha: string, filter: string) {
  const out = git(
    d,
    "diff-tree",
    "--no-commit-id",
    "-r",
    "--root",
    "-m",
    "--first-parent",
    `--diff-filter=${filter}`,
    "--name-only",
    sha,
  );
  return out.split("\n").filter(Boolean);
}

function pushCommit(d: GitHubDouble, sha: string) {
  const [message = "", name = "", email = "", date = "", tree = ""] = git(
    d,
    "show",
    "-s",
    "--format=%B%x00%an%x00%ae%x00%aI%x00%T",
    sha,
  ).split("\0");
  const person = { name, email, username: name.replace(/\W+/g, "-") };
  return {
    id: sha,
    tree_id: tree,
    distinct: true,
    message: message.trim(),
    timestamp: date,
    url: `${d.url}/${d.options.owner}/${d.options.repo}/commit/${sha}`,
    author: person,
    committer: person,
    added: names(d, sha, "A"),
    removed: names(d, sha, "D"),
    modified: names(d, sha, "M"),
  };
}

/**
 * A `push` of `ref` (the default branch unless given) from `before` to
 * `after`, listing the commits in between as GitHub does (at most 20).
 */
export function pushPayload(
  d: GitHubDouble,
  before: string,
  after: string,
  ref = `refs/heads/${d.options.defaultBranch}`,
  pusher = "alice",
): object {
  const range = before === ZERO ? [after] : [`${before}..${after}`];
  const shas =
    after === ZERO
      ? []
      : git(d, "rev-list", "--reverse", ...range)
          .split("\n")
          .filter(Boolean);
  const commits = shas.slice(-20).map((sha) => pushCommit(d, sha));
  const shared = common(d, pusher);
  const repository = {
    ...shared.repository,
    master_branch: d.options.defaultBranch,
    stargazers: 0,
    pushed_at: Math.floor(Date.now() / 1000),
    created_at: 1767225600,
  };
  const example = webhookExample("push");
  const web = `${d.url}/${d.options.owner}/${d.options.repo}`;
  const payload = adjust(example, {
    ...shared,
    repository,
    ref,
    before,
    after,
    created: before === ZERO,
    deleted: after === ZERO,
    forced: false,
    base_ref: null,
    compare: `${web}/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`,
    pusher: { name: pusher, email: `${pusher}@users.noreply.github.example` },
  });
  payload["commits"] = commits;
  payload["head_commit"] = commits.at(-1) ?? null;
  assertWebhook("push", payload);
  return payload;
}
