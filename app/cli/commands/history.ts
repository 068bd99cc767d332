/**
 * `berth history ENV [--json]`: an environment's history, newest first:
 * the commits of its manifest (following renames) and the audit trail's
 * applies, destroys and commands, merged by time.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { simpleGit } from "simple-git";
import { stdoutOutput } from "../output.js";
import { globalOptions } from "../snapshot-options.js";
import { UsageError } from "../describe-error.js";
import { readAuditEvents } from "../../audit/audit-log.js";
import { findManifestPath } from "../../audit/find-manifest-path.js";
import { manifestHistory } from "../../audit/manifest-history.js";
import { mergeHistory } from "../../audit/history-entries.js";
import { formatHistoryTable } from "../../audit/format-history.js";

export function registerHistory(program: Command): void {
  program
    .command("history")
    .description("show an environment's commits and audit events")
    .argument("<env>", "environment name")
    .option("--json", "print JSON")
    .action(async (env: string, options: { json?: boolean }, command) => {
      const globals = globalOptions(command);
      const repoDir = resolve(globals.repo);
      const ref = globals.ref ?? "HEAD";
      const commits = await commitsOf(repoDir, ref, env);
      const entries = mergeHistory(env, commits, await readAuditEvents());

      if (options.json) {
        stdoutOutput.json({ environment: env, entries });
        return;
      }
      if (entries.length === 0) {
        stdoutOutput.line(`${env}: no commit and no audit event found`);
        return;
      }
      for (const line of formatHistoryTable(entries)) stdoutOutput.line(line);
    });
}

async function commitsOf(repoDir: string, ref: string, env: string) {
  const isRepo =
    existsSync(repoDir) &&
    (await simpleGit(repoDir)
      .checkIsRepo()
      .catch(() => false));
  if (!isRepo) {
    throw new UsageError(
      `${repoDir} is not a git repository; pass --repo with the ` +
        "environments repository",
    );
  }
  const path = await findManifestPath(repoDir, ref, env);
  return path ? manifestHistory(repoDir, ref, path) : [];
}
