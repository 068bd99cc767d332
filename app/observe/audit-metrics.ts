/**
 * Counts the events of the audit trail on disk, by action and result.
 * Every Berth process that shares the state folder appends there (a
 * `berth apply` in a terminal, `berth watch`, the GitHub App), so this
 * counter shows their applies even though each ran in its own process.
 * Each scrape reads only what was appended since the previous one.
 */
import { open, stat } from "node:fs/promises";
import { Counter } from "prom-client";
import type { Logger } from "../log.js";
import { parseAuditLines } from "../audit/audit-log.js";
import { metricsRegistry } from "./metrics-registry.js";
import { boundedLabel } from "./label-value.js";

interface Tail {
  path: string;
  offset: number;
  /** Bytes after the last complete line read so far. */
  partial: Buffer;
  log: Logger;
}

/** Bytes read per scrape; a long trail is caught up over a few scrapes. */
const MAX_READ = 8 * 1024 * 1024;

let tail: Tail | undefined;

const events = new Counter({
  name: "berth_audit_events_total",
  help: "Events in the audit trail on disk, by action and result",
  labelNames: ["action", "result"] as const,
  registers: [metricsRegistry],
  async collect() {
    if (tail) await readNewLines(tail);
  },
});

/** Makes scrapes count the events of the audit trail at `path`. */
export function observeAuditLog(path: string, log: Logger): void {
  if (tail?.path === path) return;
  tail = { path, offset: 0, partial: Buffer.alloc(0), log };
}

async function readNewLines(state: Tail): Promise<void> {
  try {
    const size = await stat(state.path).then(
      (info) => info.size,
      () => 0,
    );
    // A trail that was rotated or truncated is counted from its start.
    if (size < state.offset) {
      Object.assign(state, { offset: 0, partial: Buffer.alloc(0) });
    }
    if (size === state.offset) return;

    const bytes = Buffer.concat([state.partial, await readRange(state, size)]);
    const end = bytes.lastIndexOf(0x0a) + 1;
    state.partial = bytes.subarray(end);
    const text = bytes.subarray(0, end).toString("utf8");
    for (const event of parseAuditLines(text)) {
      events.inc({ action: event.action, result: boundedLabel(event.result) });
    }
  } catch (err) {
    state.log.warn({ err, path: state.path }, "cannot read the audit trail");
  }
}

async function readRange(state: Tail, size: number): Promise<Buffer> {
  const file = await open(state.path, "r");
  try {
    const buffer = Buffer.alloc(Math.min(size - state.offset, MAX_READ));
    const read = await file.read(buffer, 0, buffer.length, state.offset);
    state.offset += read.bytesRead;
    return buffer.subarray(0, read.bytesRead);
  } finally {
    await file.close();
  }
}
