/**
 * Strict YAML loading for every file a user writes (manifests, templates,
 * Compose files). CONTRACT ONLY: being implemented.
 */
import type { Finding } from "./finding.js";

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
}

export interface YamlLimits {
  maxBytes: number;
  maxAliases: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = {
  maxBytes: 256 * 1024,
  maxAliases: 100,
};

/**
 * Loads exactly one YAML 1.2 (core schema) document. Never throws on user
 * input: every problem comes back as a finding and `loaded` is then absent.
 */
export declare function loadYaml(
  file: string,
  input: Uint8Array | string,
  limits?: YamlLimits,
): { loaded?: LoadedYaml; findings: Finding[] };
