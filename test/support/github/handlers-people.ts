/**
 * Permissions, team memberships and public keys, from tables the test sets.
 */
import { notFound } from "./github-errors.js";
import { type Handler, ok } from "./handler.js";
import { paginate } from "./pagination.js";
import { stableId, userObject } from "./rest-people.js";

const permission: Handler = (ctx, { params }) => {
  const user = params["username"] ?? "";
  const level = ctx.state.permissions.get(user.toLowerCase()) ?? "none";
  const all = ["read", "write", "admin"];
  const rank = all.indexOf(level);
  return ok({
    permission: level,
    role_name: level,
    user: {
      ...userObject(ctx, user),
      permissions: {
        pull: rank >= 0,
        triage: rank >= 1,
        push: rank >= 1,
        maintain: rank >= 2,
        admin: rank >= 2,
      },
      role_name: level,
    },
  });
};

const membership: Handler = (ctx, { params }) => {
  const key = [params["org"], params["team_slug"], params["username"]]
    .join("/")
    .toLowerCase();
  if (!ctx.state.teamMembers.has(key)) return notFound();
  const user = params["username"] ?? "";
  const url = `${ctx.apiUrl}/organizations/1/team/1/memberships/${user}`;
  return ok({ url, role: "member", state: "active" });
};

const keys: Handler = (ctx, { params, query, url }) => {
  const user = (params["username"] ?? "").toLowerCase();
  const list = (ctx.state.userKeys.get(user) ?? []).map((key) => ({
    id: stableId(`key:${key}`),
    key,
  }));
  return paginate(list, query, url);
};

/** People endpoints, by operation id. */
export const peopleHandlers: Record<string, Handler> = {
  "repos/get-collaborator-permission-level": permission,
  "teams/get-membership-for-user-in-org": membership,
  "users/list-public-keys-for-user": keys,
};
