/** Prints the outcome of each environment of an apply, with its URLs. */
import type { Output } from "./output.js";
import type { ApplyResult } from "../applier/apply-environment.js";
import type { EnvironmentStatus } from "../engine/environment-status.js";

export function printResults(
  out: Output,
  results: ApplyResult[],
  statuses: EnvironmentStatus[],
): void {
  out.line();
  for (const result of results) {
    const seconds = (result.durationMs / 1000).toFixed(1);
    out.line(`${result.environment}: ${result.outcome} (${seconds} s)`);
    if (result.error) {
      for (const line of result.error.split("\n")) out.line(`  ${line}`);
    }
    const status = statuses.find((s) => s.name === result.environment);
    for (const access of status?.access ?? []) {
      out.line(`  ${access.name}: ${access.url}`);
    }
    if (status?.ssh) out.line(`  ssh: ${status.ssh}`);
  }
  const failed = results.filter((r) => r.outcome === "failed").length;
  out.line(
    failed
      ? `${failed} of ${results.length} environments failed`
      : results.length === 1
        ? "1 environment healthy"
        : `${results.length} environments healthy`,
  );
}
