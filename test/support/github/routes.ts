/**
 * Every endpoint the double implements, by the operation id of GitHub's REST
 * description.
 */
import type { Handler } from "./handler.js";
import { appHandlers } from "./handlers-app.js";
import { checkHandlers } from "./handlers-checks.js";
import { commentHandlers } from "./handlers-comments.js";
import { contentHandlers } from "./handlers-contents.js";
import { deploymentHandlers } from "./handlers-deployments.js";
import { gitReadHandlers } from "./handlers-git.js";
import { issueHandlers } from "./handlers-issues.js";
import { peopleHandlers } from "./handlers-people.js";
import { pullHandlers } from "./handlers-pulls.js";

/** Handlers by operation id. */
export const ROUTES: Readonly<Record<string, Handler>> = {
  ...appHandlers,
  ...checkHandlers,
  ...commentHandlers,
  ...contentHandlers,
  ...deploymentHandlers,
  ...gitReadHandlers,
  ...issueHandlers,
  ...peopleHandlers,
  ...pullHandlers,
};
