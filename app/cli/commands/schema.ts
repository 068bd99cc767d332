/** `berth schema`: prints the manifest's JSON Schema for editors. */
import type { Command } from "commander";
import { stdoutOutput } from "../output.js";
import { manifestJsonSchema } from "../../manifest/json-schema.js";

export function registerSchema(program: Command): void {
  program
    .command("schema")
    .description("print the JSON Schema of environment manifests")
    .action(() => stdoutOutput.json(manifestJsonSchema()));
}
