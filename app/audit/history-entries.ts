/**
 * An environment's history: the commits of its manifest and the audit
 * events that acted on it, merged into one list, newest first.
 */
import type { AuditEvent } from "./audit-event.js";
import type { ManifestCommit } from "./manifest-history.js";

export interface HistoryEntry {
  time: string;
  /** `commit` for a change of the manifest, else the audit action. */
  kind: "commit" | AuditEvent["action"];
  who: string;
  commit?: string;
  pullRequest?: number;
  /** The commit's subject, or the action's result. */
  summary: string;
  durationMs?: number;
  via?: AuditEvent["via"];
}

/**
 * Merges `commits` and the events of `environment` by time, newest
 * first; at the same instant an action comes before the commit it used.
 */
export function mergeHistory(
  environment: string,
  commits: readonly ManifestCommit[],
  events: readonly AuditEvent[],
): HistoryEntry[] {
  const entries = [
    ...commits.map(fromCommit),
    ...events.filter((e) => e.environment === environment).map(fromEvent),
  ];
  return entries.sort(
    (a, b) =>
      Date.parse(b.time) - Date.parse(a.time) || rank(a.kind) - rank(b.kind),
  );
}

function fromCommit(commit: ManifestCommit): HistoryEntry {
  return {
    time: commit.time,
    kind: "commit",
    who: commit.author,
    commit: commit.commit,
    summary: commit.subject,
  };
}

function fromEvent(event: AuditEvent): HistoryEntry {
  const summary = event.command
    ? `${event.command}: ${event.result}`
    : event.result;
  return {
    time: new Date(event.time).toISOString(),
    kind: event.action,
    who: event.who,
    summary: event.error ? `${summary}: ${firstLine(event.error)}` : summary,
    via: event.via,
    ...(event.commit && { commit: event.commit }),
    ...(event.pullRequest && { pullRequest: event.pullRequest }),
    ...(event.durationMs !== undefined && { durationMs: event.durationMs }),
  };
}

function rank(kind: HistoryEntry["kind"]): number {
  return kind === "commit" ? 1 : 0;
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? "";
}
