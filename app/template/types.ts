/**
 * The template model: what `templates/<name>/template.yaml` and
 * `compose.yaml` hold once loaded and checked. Loading reads files (and
 * hashes build contexts); everything after loading is pure.
 */
export type ParameterValue = string | number | boolean;

export interface TemplateParameter {
  type: "string" | "number" | "boolean" | "enum";
  /** Allowed values when `type` is `enum`. */
  values?: string[];
  /** A parameter without a default is required in every manifest. */
  default?: ParameterValue;
  description?: string;
}

export interface TemplatePort {
  service: string;
  port: number;
  /** Short name used in URLs, such as `app` or `ide`. */
  name: string;
  protocol: "http" | "tcp";
}

/** An image the template builds from one of its Dockerfiles. */
export interface TemplateBuild {
  /** Compose service whose `build:` asks for it. */
  service: string;
  /** Absolute path of the build context directory. */
  contextDir: string;
  /** Dockerfile path relative to the context. */
  dockerfile: string;
  /** sha256 hex of every file in the context (path + mode + bytes). */
  contextHash: string;
}

export interface Template {
  name: string;
  /** Absolute path of `templates/<name>`. */
  dir: string;
  description: string;
  parameters: Record<string, TemplateParameter>;
  /** The Compose service developers work in. */
  workspace: string;
  ports: TemplatePort[];
  /** Raw `compose.yaml` text, interpolated per manifest at render time. */
  composeText: string;
  builds: TemplateBuild[];
  /**
   * Content of each top-level Compose config, by config name, as base64;
   * read at load time so that rendering stays pure.
   */
  configData?: Record<string, string>;
}

/** Every template of a repository, by name. */
export type TemplateSet = ReadonlyMap<string, Template>;
