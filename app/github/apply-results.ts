/** What happened to each environment when a commit was applied. */
import type { ApplyOutcome } from "../applier/apply-environment.js";

/** The outcome of one environment of an apply. */
export interface EnvironmentResult {
  environment: string;
  outcome: ApplyOutcome | "superseded" | "refused";
  /** Why it failed or was skipped. */
  reason?: string;
  urls: string[];
}
