/**
 * The audit trail on disk: `audit.jsonl` in Berth's state folder
 * (`$BERTH_STATE_DIR`, default /var/lib/berth), one JSON object per line.
 * Each line is written with one append, so concurrent Berth processes
 * never interleave their lines; within a process appends are queued.
 */
import { mkdir, open, readFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { stateDir } from "../applier/environment-lock.js";
import { AuditEvent } from "./audit-event.js";

/** Lines past this size are refused, so one append stays one write. */
const MAX_LINE_BYTES = 16 * 1024;
/** How much of the end of the file readers look at. */
const MAX_READ_BYTES = 32 * 1024 * 1024;

let queue: Promise<unknown> = Promise.resolve();

/** Where the audit trail of this machine is kept. */
export function auditLogPath(dir: string = stateDir()): string {
  return join(dir, "audit.jsonl");
}

/**
 * Appends `event` as one line.
 * @throws Error when the state folder cannot be written, saying which.
 */
export function appendAuditEvent(
  event: AuditEvent,
  path: string = auditLogPath(),
): Promise<void> {
  const line = `${JSON.stringify(AuditEvent.parse(event))}\n`;
  if (Buffer.byteLength(line) > MAX_LINE_BYTES) {
    throw new Error(
      `audit event of ${event.environment ?? "?"} is too large to append; ` +
        "this is a bug in Berth: shorten its error text",
    );
  }
  const append = queue.then(() => appendLine(path, line));
  queue = append.catch(() => undefined);
  return append;
}

async function appendLine(path: string, line: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    const file = await open(path, "a", 0o640);
    try {
      await file.write(line);
    } finally {
      await file.close();
    }
  } catch (err) {
    throw new Error(
      `cannot append to the audit trail ${path}: ` +
        `${(err as Error).message}; make its folder writable or set ` +
        "BERTH_STATE_DIR to one that is",
      { cause: err },
    );
  }
}

/** Every readable event of the audit trail, oldest first. */
export async function readAuditEvents(
  path: string = auditLogPath(),
): Promise<AuditEvent[]> {
  const text = await readTail(path);
  return parseAuditLines(text);
}

/** Parses JSON lines, skipping any that are damaged or incomplete. */
export function parseAuditLines(text: string): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const parsed = AuditEvent.safeParse(JSON.parse(line));
      if (parsed.success) events.push(parsed.data);
    } catch {
      // A line cut short by a crash; the lines around it still count.
    }
  }
  return events;
}

async function readTail(path: string): Promise<string> {
  const size = await stat(path).then(
    (info) => info.size,
    () => -1,
  );
  if (size < 0) return "";
  if (size <= MAX_READ_BYTES) return readFile(path, "utf8");

  const file = await open(path, "r");
  try {
    const buffer = Buffer.alloc(MAX_READ_BYTES);
    await file.read(buffer, 0, MAX_READ_BYTES, size - MAX_READ_BYTES);
    const text = buffer.toString("utf8");
    return text.slice(text.indexOf("\n") + 1);
  } finally {
    await file.close();
  }
}
