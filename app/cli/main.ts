/**
 * The `berth` command line: parses arguments, runs one command, and turns
 * any error into a one-line explanation and a non-zero exit code.
 */
import { Command, Option } from "commander";
import { rootLogger } from "../log.js";
import { describeError } from "./describe-error.js";
import { registerValidate } from "./commands/validate.js";
import { registerSchema } from "./commands/schema.js";
import { registerPlan } from "./commands/plan.js";
import { registerApply } from "./commands/apply.js";
import { registerStatus } from "./commands/status.js";
import { registerDestroy } from "./commands/destroy.js";
import { registerWatch } from "./commands/watch.js";
import { registerDashboard } from "./commands/dashboard.js";
import { registerHistory } from "./commands/history.js";
import { registerServe } from "./commands/serve.js";
import { registerGateway } from "./commands/gateway.js";

/** Options every command takes. */
export interface GlobalOptions {
  repo: string;
  ref?: string;
}

function buildProgram(): Command {
  const program = new Command("berth")
    .description(
      "Developer environments on Docker Swarm, declared in git.\n" +
        "Manifests live under environments/, templates under templates/.",
    )
    .addOption(
      new Option("--repo <dir>", "environments repository").default(
        process.cwd(),
        "current directory",
      ),
    )
    .option("--ref <ref>", "commit to read (default: the checked-out one)")
    .showHelpAfterError()
    .exitOverride();

  registerValidate(program);
  registerSchema(program);
  registerPlan(program);
  registerApply(program);
  registerStatus(program);
  registerDestroy(program);
  registerWatch(program);
  registerDashboard(program);
  registerHistory(program);
  registerServe(program);
  registerGateway(program);
  return program;
}

async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    const code = (err as { code?: string }).code ?? "";
    if (code.startsWith("commander.")) {
      const exitCode = (err as { exitCode?: number }).exitCode ?? 1;
      process.exitCode = exitCode;
      return;
    }
    rootLogger.debug({ err }, "command failed");
    process.stderr.write(`berth: ${describeError(err)}\n`);
    process.exitCode = 1;
  }
}

// A reader that stops early (`berth history ENV | head`) is no error.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

await main(process.argv);
