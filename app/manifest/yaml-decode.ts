import { describeByteSize } from "./byte-size.js";
import type { Finding } from "./finding.js";
import { makeFinding, type FindingDraft } from "./make-finding.js";
import { findInvalidUtf8 } from "./utf8-scan.js";
import type { Position } from "./yaml-load.js";

const FOREIGN_BOMS: readonly [string, readonly number[]][] = [
  ["UTF-32LE", [0xff, 0xfe, 0x00, 0x00]],
  ["UTF-32BE", [0x00, 0x00, 0xfe, 0xff]],
  ["UTF-16LE", [0xff, 0xfe]],
  ["UTF-16BE", [0xfe, 0xff]],
];

// eslint-disable-next-line no-control-regex -- control characters are the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const UTF8_FIX = "save the file as UTF-8 without a byte order mark";
const START: Position = { line: 1, column: 1 };

/**
 * Turns the bytes of a YAML file into text the parser can trust: refuses
 * files over `maxBytes` before reading them, anything but UTF-8, and control
 * characters; drops a UTF-8 byte order mark; reads CRLF and CR as LF, which
 * keeps every line and column where an editor shows it.
 */
export function decodeYamlInput(
  file: string,
  input: Uint8Array | string,
  maxBytes: number,
): { text?: string; findings: Finding[] } {
  const refuse = (position: Position, draft: FindingDraft) => ({
    findings: [makeFinding(file, position, draft)],
  });

  const size = byteLength(input);
  if (size > maxBytes) return refuse(START, tooLarge(size, maxBytes));

  const decoded = typeof input === "string" ? dropBom(input) : decode(input);
  if (typeof decoded !== "string") {
    return refuse(decoded.position, decoded.draft);
  }

  const text = decoded.replace(/\r\n?/g, "\n");
  const control = CONTROL_CHARACTER.exec(text);
  if (control) {
    const position = positionInText(text, control.index);
    return refuse(position, controlCharacter(control[0]));
  }
  return { text, findings: [] };
}

/** 1-based line and column of a UTF-16 offset in LF-only text. */
export function positionInText(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  const line = before.split("\n").length;
  return { line, column: offset - lineStart + 1 };
}

function byteLength(input: Uint8Array | string): number {
  return typeof input === "string"
    ? Buffer.byteLength(input, "utf8")
    : input.byteLength;
}

function dropBom(text: string): string {
  return text.startsWith("\ufeff") ? text.slice(1) : text;
}

type DecodeFailure = { position: Position; draft: FindingDraft };

function decode(bytes: Uint8Array): string | DecodeFailure {
  const bom = FOREIGN_BOMS.find(([, mark]) =>
    mark.every((byte, index) => bytes[index] === byte),
  );
  if (bom) return notUtf8(`it starts with a ${bom[0]} byte order mark`);
  if (bytes.includes(0)) {
    return notUtf8("it holds zero bytes, as UTF-16 and UTF-32 text does");
  }

  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return invalidByte(bytes, findInvalidUtf8(bytes));
  }
}

function notUtf8(reason: string, position = START): DecodeFailure {
  return {
    position,
    draft: {
      message: `manifest must be UTF-8; ${reason}`,
      expected: "UTF-8 text",
      fix: UTF8_FIX,
    },
  };
}

function invalidByte(bytes: Uint8Array, offset: number): DecodeFailure {
  const at = Math.max(offset, 0);
  const lineStart = at === 0 ? 0 : bytes.lastIndexOf(0x0a, at - 1) + 1;
  const line = bytes.subarray(0, at).filter((b) => b === 0x0a).length + 1;
  const prefix = new TextDecoder().decode(bytes.subarray(lineStart, at));
  const hex = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, "0");
  const position = { line, column: prefix.length + 1 };
  const failure = notUtf8(`byte 0x${hex} is not valid UTF-8`, position);
  failure.draft.fix = `${UTF8_FIX} (it may be Latin-1 or Windows-1252)`;
  return failure;
}

function tooLarge(size: number, maxBytes: number): FindingDraft {
  return {
    message:
      `file is ${describeByteSize(size)}, over the limit of ` +
      `${describeByteSize(maxBytes)}; it was not read`,
    found: describeByteSize(size),
    expected: `at most ${describeByteSize(maxBytes)}`,
    fix: "keep settings in this file and move large content elsewhere",
  };
}

function controlCharacter(character: string): FindingDraft {
  const code = character.charCodeAt(0).toString(16).toUpperCase();
  const name = `U+${code.padStart(4, "0")}`;
  return {
    message: `control character ${name} is not allowed in YAML`,
    found: name,
    expected: "printable text",
    fix: `remove it, or write it as "\\u${code.padStart(4, "0")}" in quotes`,
  };
}
