/**
 * `berth validate [PATH...]`: checks manifests and templates and prints
 * every finding as `PATH:LINE:COL: error: MESSAGE`. Exit 0 when valid,
 * 1 when not.
 */
import type { Command } from "commander";
import { Option } from "commander";
import { stdoutOutput, type Output } from "../output.js";
import { formatFinding, hasErrors } from "../../manifest/finding.js";
import { validatePaths } from "../../engine/validate-paths.js";
import { withSnapshot } from "../snapshot-options.js";

interface ValidateOptions {
  format: "text" | "json";
}

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("check manifests and templates (default: all of them)")
    .argument("[path...]", "manifest files or folders to check")
    .addOption(
      new Option("--format <format>", "output format")
        .choices(["text", "json"])
        .default("text"),
    )
    .action(async (paths: string[], options: ValidateOptions, command) => {
      process.exitCode = await runValidate(command, paths, options);
    });
}

async function runValidate(
  command: Command,
  paths: string[],
  options: ValidateOptions,
  out: Output = stdoutOutput,
): Promise<number> {
  const result = await withSnapshot(command, (snapshot) =>
    validatePaths(snapshot.dir, paths, snapshot.readFromWorkingTree),
  );
  const valid = !hasErrors(result.findings);
  if (options.format === "json") {
    out.json({ valid, checked: result.checked, findings: result.findings });
  } else {
    for (const finding of result.findings) out.line(formatFinding(finding));
    out.line(
      valid
        ? `${result.checked.length} files valid`
        : `${result.findings.length} problems in ${result.checked.length} files`,
    );
  }
  return valid ? 0 : 1;
}
