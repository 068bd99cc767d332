/**
 * Runs a destroy and records it in the audit trail: `destroyed`, `absent`
 * when nothing of the environment ran, or `failed` with the reason.
 */
import type { Logger } from "../log.js";
import type { DestroyResult } from "../applier/destroy-environment.js";
import type { AuditVia } from "./audit-event.js";
import { recordAuditEvent } from "./record-audit.js";

export interface DestroyOrigin {
  environment: string;
  who: string;
  via: AuditVia;
  pullRequest?: number;
  commit?: string;
}

/** Runs `destroy`, records the event, and returns or rethrows. */
export async function auditedDestroy(
  origin: DestroyOrigin,
  log: Logger,
  destroy: () => Promise<DestroyResult>,
): Promise<DestroyResult> {
  const started = Date.now();
  const record = (result: string, error?: string) =>
    recordAuditEvent(
      {
        time: new Date().toISOString(),
        action: "destroy",
        ...origin,
        result,
        durationMs: Date.now() - started,
        ...(error && { error }),
      },
      log,
    );
  try {
    const result = await destroy();
    const absent = !result.removed.length && !result.keptVolumes.length;
    await record(absent ? "absent" : "destroyed");
    return result;
  } catch (err) {
    await record("failed", (err as Error).message);
    throw err;
  }
}
