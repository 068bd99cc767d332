/**
 * The app's own endpoints: the app, its installation, installation tokens,
 * and the served repository.
 */
import { randomBytes } from "node:crypto";
import { notFound } from "./github-errors.js";
import { type Handler, ok } from "./handler.js";
import {
  INSTALLATION_PERMISSIONS,
  appObject,
  installationObject,
} from "./rest-app.js";
import { repositoryObject } from "./rest-people.js";

const getApp: Handler = (ctx) => ok(appObject(ctx));

const createToken: Handler = (ctx, { params }) => {
  if (Number(params["installation_id"]) !== ctx.installationId)
    return notFound();
  const token = `ghs_${randomBytes(18).toString("hex")}`;
  const expires = Date.now() + ctx.state.tokenLifetimeMs;
  ctx.state.tokens.set(token, expires);
  return ok(
    {
      token,
      expires_at: new Date(expires).toISOString().replace(/\.\d{3}Z$/, "Z"),
      permissions: INSTALLATION_PERMISSIONS,
      repository_selection: "all",
    },
    201,
  );
};

const getInstallation: Handler = (ctx, { params }) => {
  const id = params["installation_id"];
  if (id !== undefined && Number(id) !== ctx.installationId) return notFound();
  return ok(installationObject(ctx));
};

const getRepo: Handler = (ctx) => ok(repositoryObject(ctx));

/** App and repository endpoints, by operation id. */
export const appHandlers: Record<string, Handler> = {
  "apps/get-authenticated": getApp,
  "apps/create-installation-access-token": createToken,
  "apps/get-repo-installation": getInstallation,
  "apps/get-installation": getInstallation,
  "repos/get": getRepo,
};

/** Operations that GitHub only accepts with the app's JWT. */
export const JWT_OPERATIONS = new Set(
  Object.keys(appHandlers).filter((id) => id.startsWith("apps/")),
);
