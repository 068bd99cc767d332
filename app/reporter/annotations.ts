/**
 * Turns findings into check-run annotations on their exact lines, and cuts
 * them into the batches of at most 50 that GitHub accepts per request.
 */
import type { Finding } from "../manifest/finding.js";

/** GitHub takes at most this many annotations per request. */
export const ANNOTATIONS_PER_REQUEST = 50;

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "failure" | "warning";
  message: string;
  title: string;
}

/** The annotation of one finding. */
export function toAnnotation(finding: Finding): Annotation {
  const line = Math.max(1, finding.line);
  const hints = [
    finding.found === undefined ? "" : `Found: ${finding.found}`,
    finding.expected === undefined ? "" : `Expected: ${finding.expected}`,
    finding.fix ? `Fix: ${finding.fix}` : "",
  ].filter(Boolean);
  const title = finding.path ? `${finding.path}` : "manifest";
  return {
    path: finding.file,
    start_line: line,
    end_line: line,
    annotation_level: finding.severity === "error" ? "failure" : "warning",
    message: clip([finding.message, ...hints].join("\n"), 60_000),
    title: clip(title, 255),
  };
}

/** Splits `items` into consecutive batches of at most `size`. */
export function inBatches<T>(
  items: readonly T[],
  size = ANNOTATIONS_PER_REQUEST,
): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    batches.push(items.slice(i, i + size));
  }
  return batches;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
