/**
 * Records an audit event twice: as a structured log line (pino, at info
 * level, so it reaches whatever collects Berth's logs) and as a line of
 * the audit trail on disk that `berth history` and the dashboard read.
 * A trail that cannot be written is logged as an error; the action it
 * describes has already happened and is not undone.
 */
import type { Logger } from "../log.js";
import type { ApplyResult } from "../applier/apply-environment.js";
import type { AuditEvent, AuditVia } from "./audit-event.js";
import { appendAuditEvent } from "./audit-log.js";
import { redactSecrets } from "./redact-secrets.js";

const MAX_ERROR = 4000;

/** Logs and appends `event`; never throws. */
export async function recordAuditEvent(
  event: AuditEvent,
  log: Logger,
): Promise<void> {
  const safe = event.error
    ? { ...event, error: shorten(redactSecrets(event.error)) }
    : event;
  log.info({ audit: safe }, "audit event");
  try {
    await appendAuditEvent(safe);
  } catch (err) {
    log.error({ err, audit: safe }, "audit event not written");
  }
}

/** Who, from where, and which commit and pull request an apply used. */
export interface ApplyOrigin {
  who: string;
  via: AuditVia;
  commit?: string;
  pullRequest?: number;
}

/** Records one audit event per environment of an apply run. */
export async function recordApplyResults(
  results: readonly ApplyResult[],
  origin: ApplyOrigin,
  log: Logger,
): Promise<void> {
  for (const result of results) {
    await recordAuditEvent(
      {
        time: new Date().toISOString(),
        action: result.outcome === "destroyed" ? "destroy" : "apply",
        who: origin.who,
        via: origin.via,
        environment: result.environment,
        ...(origin.commit && { commit: origin.commit }),
        ...(origin.pullRequest && { pullRequest: origin.pullRequest }),
        result: result.outcome,
        durationMs: result.durationMs,
        ...(result.error && { error: result.error }),
      },
      log,
    );
  }
}

function shorten(text: string): string {
  return text.length <= MAX_ERROR ? text : `${text.slice(0, MAX_ERROR - 1)}…`;
}
