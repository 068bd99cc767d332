/**
 * A throwaway repository folder holding the bundled templates and one
 * example manifest under a new name, so tests deploy the examples without
 * touching environments that run under their real names.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ExampleRoot {
  dir: string;
  dispose(): void;
}

/**
 * Copies `templates/` of `repository` and its manifest `file`, renamed
 * to `name`, into a new folder.
 */
export function exampleRoot(
  repository: string,
  file: string,
  name: string,
): ExampleRoot {
  const dir = mkdtempSync(join(tmpdir(), "berth-example-"));
  cpSync(join(repository, "templates"), join(dir, "templates"), {
    recursive: true,
  });
  const text = readFileSync(join(repository, file), "utf8");
  const renamed = text.replace(/^([ \t]+name:[ \t]*)\S+[ \t]*$/m, `$1${name}`);
  if (renamed === text) throw new Error(`${file} has no metadata.name line`);
  mkdirSync(join(dir, "environments"));
  writeFileSync(join(dir, "environments", `${name}.yaml`), renamed);
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
