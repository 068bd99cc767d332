/**
 * Comment commands: `/berth plan`, `/berth apply`, `/berth destroy ENV`,
 * `/berth extend ENV DURATION`, `/berth status`. Parsing is strict: a
 * line that starts with `/berth` but is not one of these gets the help.
 */
import { z } from "zod";

const EnvName = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/, "not an environment name");
const Duration = z
  .string()
  .regex(/^[1-9][0-9]{0,3}[mhd]$/, "not a duration like 12h or 3d");

/** A comment command, checked. */
export const BerthCommand = z.discriminatedUnion("name", [
  z.object({ name: z.literal("plan") }),
  z.object({ name: z.literal("apply") }),
  z.object({ name: z.literal("status") }),
  z.object({ name: z.literal("destroy"), environment: EnvName }),
  z.object({
    name: z.literal("extend"),
    environment: EnvName,
    duration: Duration,
  }),
]);
export type BerthCommand = z.infer<typeof BerthCommand>;

/** What a comment holds: nothing, a command, or a mistake. */
export type ParsedComment =
  | { kind: "none" }
  | { kind: "command"; command: BerthCommand }
  | { kind: "invalid"; problem: string };

/** The help a user gets after a command Berth does not know. */
export const COMMAND_HELP = [
  "Berth understands these commands, one per comment:",
  "",
  "- `/berth plan`: plan this pull request again",
  "- `/berth apply`: apply it before merge, when the settings allow it",
  "- `/berth destroy ENV`: remove environment ENV (its volumes are kept)",
  "- `/berth extend ENV DURATION`: keep ENV for DURATION more (`12h`, `3d`)",
  "- `/berth status`: show the state and URLs of this pull request's " +
    "environments",
].join("\n");

const ARGUMENTS: Record<string, string[]> = {
  plan: [],
  apply: [],
  status: [],
  destroy: ["environment"],
  extend: ["environment", "duration"],
};

/** Reads the command of a comment whose first line starts with `/berth`. */
export function parseComment(body: string): ParsedComment {
  const first = body.trim().split(/\r?\n/, 1)[0]?.trim() ?? "";
  const words = first.split(/\s+/);
  if (words[0] !== "/berth") return { kind: "none" };

  const [, name = "", ...rest] = words;
  const expected = ARGUMENTS[name];
  if (!expected) {
    return { kind: "invalid", problem: describeUnknown(name) };
  }
  if (rest.length !== expected.length) {
    const usage = [name, ...expected.map((a) => a.toUpperCase())].join(" ");
    return {
      kind: "invalid",
      problem:
        `\`/berth ${name}\` takes ${expected.length} argument(s): ` +
        `\`/berth ${usage}\``,
    };
  }
  const fields = Object.fromEntries(expected.map((key, i) => [key, rest[i]]));
  const parsed = BerthCommand.safeParse({ name, ...fields });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "argument");
    return {
      kind: "invalid",
      problem: `\`${fields[field] ?? ""}\` is ${issue?.message ?? "invalid"}`,
    };
  }
  return { kind: "command", command: parsed.data };
}

function describeUnknown(name: string): string {
  if (!name) return "`/berth` needs a command";
  return `\`/berth ${name}\` is not a Berth command`;
}

/** Duration such as `3d` in seconds. */
export function durationSeconds(duration: string): number {
  const amount = Number(duration.slice(0, -1));
  const unit = duration.slice(-1);
  const factor = unit === "d" ? 86_400 : unit === "h" ? 3_600 : 60;
  return amount * factor;
}
