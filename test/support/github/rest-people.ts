/**
 * Users, bots and repositories as the REST API shows them.
 */
import { createHash } from "node:crypto";
import type { DoubleContext } from "./context.js";

/** A stable numeric id for a name, so one login always has one id. */
export function stableId(name: string): number {
  const hash = createHash("sha256").update(name).digest();
  return (hash.readUInt32BE(0) % 90_000_000) + 1_000_000;
}

/** A user (or the app's bot, whose login ends in `[bot]`). */
export function userObject(ctx: DoubleContext, login: string) {
  const id = stableId(`user:${login}`);
  return {
    login,
    id,
    node_id: `U_${id}`,
    type: login.endsWith("[bot]") ? "Bot" : "User",
    site_admin: false,
    url: `${ctx.apiUrl}/users/${encodeURIComponent(login)}`,
    html_url: `${ctx.webUrl}/${encodeURIComponent(login)}`,
    avatar_url: `${ctx.webUrl}/avatars/${encodeURIComponent(login)}`,
    gravatar_id: "",
  };
}

/** The served repository, or the fork of it that `forkOwner` owns. */
export function repositoryObject(ctx: DoubleContext, forkOwner?: string) {
  const owner = forkOwner ?? ctx.owner;
  const fullName = `${owner}/${ctx.repo}`;
  const id = stableId(`repo:${fullName}`);
  const api = `${ctx.apiUrl}/repos/${fullName}`;
  const web = `${ctx.webUrl}/${fullName}`;
  return {
    id,
    node_id: `R_${id}`,
    name: ctx.repo,
    full_name: fullName,
    owner: userObject(ctx, owner),
    private: false,
    fork: forkOwner !== undefined,
    url: api,
    html_url: web,
    clone_url: `${web}.git`,
    git_url: `${web}.git`,
    ssh_url: `git@127.0.0.1:${fullName}.git`,
    svn_url: web,
    description: null,
    homepage: null,
    language: null,
    mirror_url: null,
    license: null,
    default_branch: ctx.defaultBranch,
    visibility: "public",
    archived: false,
    disabled: false,
    has_issues: true,
    pushed_at: "2026-01-01T00:00:00Z",
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
  };
}
