/** Renders environment statuses as lines for a terminal. */
import type { EnvironmentStatus } from "../engine/environment-status.js";

export function formatStatus(statuses: EnvironmentStatus[]): string[] {
  const lines: string[] = [];
  for (const env of statuses) {
    const commit = env.commit ? env.commit.slice(0, 12) : "unknown";
    lines.push(`${env.name}: ${env.state}`);
    lines.push(`  template ${env.template ?? "?"}, commit ${commit}`);
    if (env.owners.length) lines.push(`  owners ${env.owners.join(", ")}`);
    if (env.expiresAt) lines.push(`  expires ${env.expiresAt}`);
    for (const service of env.services) {
      const problem = service.problem ? ` (${service.problem})` : "";
      lines.push(
        `  ${service.name} ${service.running}/${service.wanted}${problem}`,
      );
    }
    for (const access of env.access) {
      lines.push(`  ${access.name}: ${access.url}`);
    }
    if (env.ssh) lines.push(`  ssh: ${env.ssh}`);
  }
  return lines;
}
