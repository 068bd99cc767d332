/**
 * The settings of an environments repository, `.github/berth.yml`. Unknown
 * keys are errors, so that a typo cannot silently loosen a rule.
 */
import { z } from "zod";

/** Where the settings live in the environments repository. */
export const SETTINGS_FILE = ".github/berth.yml";

/** The settings schema; unknown keys are refused. */
export const BerthSettings = z.strictObject({
  /**
   * Who must approve a pull request before anything of it is applied:
   * an owner of each environment changed, a code owner, anyone but the
   * author, or nobody.
   */
  requireApproval: z
    .enum(["owner", "codeowner", "any", "none"])
    .default("none"),
  /** Whether `/berth apply` may apply a pull request before its merge. */
  allowApplyBeforeMerge: z.boolean().default(false),
  /** Who may run comment commands besides owners of the environment. */
  commandsFrom: z.enum(["write", "owners"]).default("write"),
});
export type BerthSettings = z.infer<typeof BerthSettings>;

/** Settings when the repository has no `.github/berth.yml`. */
export const DEFAULT_SETTINGS: BerthSettings = BerthSettings.parse({});

/** What reading the settings gave: settings, and problems to report. */
export interface SettingsResult {
  settings: BerthSettings;
  problems: string[];
}

/**
 * Checks raw settings (parsed YAML, or null when the file is missing).
 * Invalid settings fall back to the defaults and are reported.
 */
export function parseSettings(raw: unknown): SettingsResult {
  if (raw === null || raw === undefined) {
    return { settings: DEFAULT_SETTINGS, problems: [] };
  }
  const parsed = BerthSettings.safeParse(raw);
  if (parsed.success) return { settings: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue) => {
    const where = issue.path.length ? issue.path.join(".") : "(top level)";
    return `${SETTINGS_FILE}: ${where}: ${issue.message}`;
  });
  return { settings: DEFAULT_SETTINGS, problems };
}
