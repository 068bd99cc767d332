/**
 * An environment manifest (apiVersion berth.dev/v1) after validation.
 * Durations and sizes are already numbers here: `expiresAfter` in seconds,
 * `memory` in bytes. The zod schema in `schema.ts` produces this shape.
 */
import type { ParameterValue } from "../template/types.js";

export interface AccessPort {
  service: string;
  port: number;
  name: string;
}

export interface Repository {
  url: string;
  ref?: string;
}

export interface Manifest {
  apiVersion: "berth.dev/v1";
  kind: "Environment";
  metadata: {
    name: string;
    owners: string[];
    labels: Record<string, string>;
  };
  spec: {
    template: string;
    parameters: Record<string, ParameterValue>;
    repositories: Repository[];
    resources: { cpus?: number; memory?: number };
    env: Record<string, string>;
    /** Seconds of life after the last apply; absent means no expiry. */
    expiresAfter?: number;
    access: { ports: AccessPort[] };
  };
}

/** A manifest together with the file it came from. */
export interface ManifestFile {
  /** Path relative to the repository root, e.g. `environments/a.yaml`. */
  file: string;
  manifest: Manifest;
  /**
   * Line and column of a field, such as `["spec", "resources"]`, for
   * findings made after loading (pre-flight checks); the nearest existing
   * parent when the field is absent.
   */
  locate?: (path: readonly (string | number)[]) => {
    line: number;
    column: number;
  };
}
