/**
 * One line of the audit trail: who did what to which environment, from
 * which commit and pull request, with what result and how long it took.
 * Lines are read back with this schema, so a damaged line is skipped
 * instead of breaking the history or the dashboard.
 */
import { z } from "zod";

/** What was done: an apply, a destroy, or another command. */
export const AuditAction = z.enum(["apply", "destroy", "command"]);
export type AuditAction = z.infer<typeof AuditAction>;

/** Where the action came from. */
export const AuditVia = z.enum(["cli", "watch", "github"]);
export type AuditVia = z.infer<typeof AuditVia>;

export const AuditEvent = z.object({
  /** When the action finished, ISO 8601. */
  time: z.iso.datetime({ offset: true }),
  action: AuditAction,
  /** A local user name, or a GitHub login. */
  who: z.string().max(200),
  via: AuditVia,
  environment: z.string().max(200).optional(),
  commit: z.string().max(64).optional(),
  pullRequest: z.number().int().positive().optional(),
  /** An apply's outcome (`created`, `failed`...), or a command's result. */
  result: z.string().max(100),
  durationMs: z.number().nonnegative().optional(),
  /** The command as given, e.g. `/berth extend payments-alice 3d`. */
  command: z.string().max(500).optional(),
  /** Why it failed, with secrets removed. */
  error: z.string().max(4000).optional(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
