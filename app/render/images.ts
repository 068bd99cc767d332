/**
 * Images a template builds, tagged by content: the build context's hash,
 * the Dockerfile and the build arguments. An unchanged template keeps
 * its tag, so its images are never built twice.
 */
import { createHash } from "node:crypto";
import type { ComposeService } from "../template/compose-schema.js";
import type { Template } from "../template/types.js";
import { buildSettings } from "../template/check-build.js";
import type { DesiredImage } from "./types.js";
import { compareText } from "./convert-service.js";

/**
 * The image Berth builds for `service` of `template`, or undefined when
 * the service names an image instead.
 * @throws Error when the template has no build context for the service,
 * which `loadTemplates` guarantees it has.
 */
export function builtImage(
  template: Template,
  name: string,
  service: ComposeService,
): DesiredImage | undefined {
  if (service.build === undefined) return undefined;
  const build = template.builds.find((entry) => entry.service === name);
  if (!build) {
    throw new Error(
      `template ${template.name} has no build context for ${name}; ` +
        "load templates with loadTemplates before rendering",
    );
  }
  const buildArgs: Record<string, string> = {};
  for (const [key, value] of buildSettings(service.build).args) {
    buildArgs[key] = value ?? "";
  }
  const args = Object.entries(buildArgs)
    .map(([key, value]) => `${key}=${value}`)
    .sort(compareText);
  const digest = createHash("sha256")
    .update([build.contextHash, build.dockerfile, ...args].join("\n"))
    .digest("hex");
  return {
    ref: `berth/${template.name}-${name}:${digest.slice(0, 12)}`,
    contextDir: build.contextDir,
    dockerfile: build.dockerfile,
    buildArgs,
  };
}
