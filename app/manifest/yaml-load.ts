/**
 * Strict YAML loading for every file a user writes (manifests, templates,
 * Compose files): one YAML 1.2 core-schema document, UTF-8 only, within a
 * size cap, without duplicate keys, merge keys or runaway aliases.
 */
import {
  LineCounter,
  isScalar,
  parseAllDocuments,
  type Document,
  type ParsedNode,
} from "yaml";
import type { Finding } from "./finding.js";
import { makeFinding, sortFindings } from "./make-finding.js";
import { decodeYamlInput } from "./yaml-decode.js";
import { inspectYamlTree } from "./yaml-inspect.js";
import { createLocator } from "./yaml-locate.js";
import { yamlErrorsToFindings } from "./yaml-syntax-findings.js";
import { yamlTreeToValue } from "./yaml-to-value.js";

export type YamlPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

export interface LoadedYaml {
  /** The plain JavaScript value of the one document. */
  value: unknown;
  /** Position of the node at `path`, or of its nearest existing parent. */
  locate(path: YamlPath): Position;
  /** Position of the key (not the value) at `path`, when it exists. */
  locateKey(path: YamlPath): Position;
  /**
   * The source text of the scalar at `path` exactly as written (`1.10`,
   * `"x"`), or undefined when the path does not end at a scalar.
   */
  sourceText?(path: YamlPath): string | undefined;
}

export interface YamlLimits {
  maxBytes: number;
  maxAliases: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = {
  maxBytes: 256 * 1024,
  maxAliases: 100,
};

type ParsedDocument = Document.Parsed<ParsedNode, true>;

const PARSE_OPTIONS = {
  version: "1.2",
  schema: "core",
  merge: false,
  uniqueKeys: false,
  strict: true,
  prettyErrors: false,
  logLevel: "silent",
} as const;

/**
 * Loads exactly one YAML 1.2 (core schema) document. Never throws on user
 * input: every problem comes back as a finding and `loaded` is then absent.
 */
export function loadYaml(
  file: string,
  input: Uint8Array | string,
  limits: YamlLimits = DEFAULT_YAML_LIMITS,
): { loaded?: LoadedYaml; findings: Finding[] } {
  const decoded = decodeYamlInput(file, input, limits.maxBytes);
  if (decoded.text === undefined) return { findings: decoded.findings };

  const text = decoded.text;
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter });
  const documents = Array.isArray(parsed) ? parsed : [];
  const first = documents[0];
  if (!first || (documents.length === 1 && isEmptyDocument(first))) {
    return { findings: [emptyFile(file)] };
  }

  const findings = [
    ...yamlErrorsToFindings(file, problemsOf(documents), lineCounter, text),
    ...extraDocuments(file, documents, lineCounter),
  ];
  if (findings.length > 0) return { findings: sortFindings(findings) };

  return buildLoaded(file, first.contents, text, lineCounter, limits);
}

function buildLoaded(
  file: string,
  root: ParsedNode | null,
  text: string,
  lineCounter: LineCounter,
  limits: YamlLimits,
): { loaded?: LoadedYaml; findings: Finding[] } {
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const inspection = inspectYamlTree(root, lineOf, limits);
  if (inspection.problems.length > 0) {
    const findings = inspection.problems.map(({ offset, draft }) => {
      const place = lineCounter.linePos(offset);
      const position = { line: place.line, column: place.col };
      return makeFinding(file, position, draft);
    });
    return { findings: sortFindings(findings) };
  }

  const targets = inspection.aliasTargets;
  const value = yamlTreeToValue(root, targets);
  const locator = createLocator(root, targets, lineCounter, text);
  return { loaded: { value, ...locator }, findings: [] };
}

function problemsOf(documents: readonly ParsedDocument[]) {
  return documents.flatMap((doc) => [...doc.errors, ...doc.warnings]);
}

/** A document with no content at all (not even an explicit `null`). */
function isEmptyDocument(doc: ParsedDocument): boolean {
  const root = doc.contents;
  if (root === null) return true;
  return (
    isScalar(root) && root.value === null && root.range[0] === root.range[1]
  );
}

function extraDocuments(
  file: string,
  documents: readonly ParsedDocument[],
  lineCounter: LineCounter,
): Finding[] {
  const second = documents[1];
  if (!second) return [];

  const place = lineCounter.linePos(second.range[0]);
  const message =
    "one environment per file; found a second document at line " +
    `${place.line}`;
  return [
    makeFinding(
      file,
      { line: place.line, column: place.col },
      {
        message,
        found: `${documents.length} documents`,
        expected: "exactly one document",
        fix: "move the second document to its own file, or remove the '---'",
      },
    ),
  ];
}

function emptyFile(file: string): Finding {
  return makeFinding(
    file,
    { line: 1, column: 1 },
    {
      message: "file is empty",
      found: "no content, only blank lines or comments",
      expected: "one YAML document",
      fix:
        "write the content back; to remove what the file declares, delete " +
        "the file instead of emptying it",
    },
  );
}
