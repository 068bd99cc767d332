/**
 * Environment names given on the command line, checked with the rule
 * manifests follow before anything reaches Docker.
 */
import { DNS_LABEL_PATTERN } from "../manifest/schema-names.js";
import { UsageError } from "./describe-error.js";

const NAME = new RegExp(DNS_LABEL_PATTERN);
const MAX = 40;

/** Returns `name`, or throws a UsageError saying what a name looks like. */
export function environmentArgument(name: string): string {
  if (NAME.test(name) && name.length <= MAX) return name;
  throw new UsageError(
    `${JSON.stringify(name)} is not an environment name: names are ` +
      `lowercase DNS labels (${DNS_LABEL_PATTERN}) of at most ${MAX} ` +
      "characters; `berth status` lists the environments that run",
  );
}
