/**
 * The GitHub App and its installation as the REST API shows them.
 */
import type { DoubleContext } from "./context.js";
import { userObject } from "./rest-people.js";

/** Permissions the double's installation grants. */
export const INSTALLATION_PERMISSIONS = {
  checks: "write",
  contents: "write",
  deployments: "write",
  issues: "write",
  members: "read",
  metadata: "read",
  pull_requests: "write",
} as const;

/** Events the app is subscribed to. */
export const APP_EVENTS = ["pull_request", "push", "issue_comment"];

/** The app, as `GET /app` shows it. */
export function appObject(ctx: DoubleContext) {
  return {
    id: ctx.appId,
    slug: ctx.appSlug,
    node_id: `A_${ctx.appId}`,
    client_id: `Iv1.${ctx.appId}`,
    owner: userObject(ctx, ctx.owner),
    name: ctx.appSlug,
    description: "GitHub double",
    external_url: ctx.webUrl,
    html_url: `${ctx.webUrl}/apps/${ctx.appSlug}`,
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
    permissions: INSTALLATION_PERMISSIONS,
    events: APP_EVENTS,
  };
}

/** The app's installation on the served repository's owner. */
export function installationObject(ctx: DoubleContext) {
  const id = ctx.installationId;
  return {
    id,
    account: userObject(ctx, ctx.owner),
    repository_selection: "all",
    access_tokens_url: `${ctx.apiUrl}/app/installations/${id}/access_tokens`,
    repositories_url: `${ctx.apiUrl}/installation/repositories`,
    html_url: `${ctx.webUrl}/settings/installations/${id}`,
    app_id: ctx.appId,
    app_slug: ctx.appSlug,
    target_id: 1,
    target_type: "Organization",
    permissions: INSTALLATION_PERMISSIONS,
    events: APP_EVENTS,
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
    single_file_name: null,
    suspended_by: null,
    suspended_at: null,
  };
}
