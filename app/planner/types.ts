/**
 * A plan: for each environment, the ordered actions that make the live
 * cluster equal to the desired objects. Pure data, printed for a terminal
 * and as Markdown, and executed by the applier in this order.
 */
import type {
  DesiredConfig,
  DesiredEnvironment,
  DesiredImage,
  DesiredNetwork,
  DesiredService,
  DesiredVolume,
} from "../render/types.js";
import type { Finding } from "../manifest/finding.js";
import type {
  LiveConfig,
  LiveNetwork,
  LiveService,
  LiveVolume,
} from "../swarm/live-types.js";

export type ObjectKind = "image" | "network" | "volume" | "config" | "service";

export interface FieldChange {
  /**
   * Dotted path in the Engine API spec, such as
   * `TaskTemplate.ContainerSpec.Env`.
   */
  field: string;
  before: string;
  after: string;
}

export type PlanAction =
  | { type: "build"; kind: "image"; name: string; desired: DesiredImage }
  | { type: "create"; kind: "network"; name: string; desired: DesiredNetwork }
  | { type: "create"; kind: "volume"; name: string; desired: DesiredVolume }
  | { type: "create"; kind: "config"; name: string; desired: DesiredConfig }
  | { type: "create"; kind: "service"; name: string; desired: DesiredService }
  | {
      type: "update";
      kind: "service";
      name: string;
      desired: DesiredService;
      live: LiveService;
      changes: FieldChange[];
      /** False when only labels changed: no task restarts. */
      restartsTasks: boolean;
    }
  | { type: "remove"; kind: "service"; name: string; live: LiveService }
  | { type: "remove"; kind: "network"; name: string; live: LiveNetwork }
  | { type: "remove"; kind: "config"; name: string; live: LiveConfig }
  | { type: "remove"; kind: "volume"; name: string; live: LiveVolume }
  | { type: "unchanged"; kind: ObjectKind; name: string };

export interface EnvironmentPlan {
  environment: string;
  /** Absent when the environment is being destroyed. */
  desired?: DesiredEnvironment;
  actions: PlanAction[];
  /** Pre-flight problems; an environment with errors is not applied. */
  findings: Finding[];
}

export interface Plan {
  environments: EnvironmentPlan[];
}

/** What the planner needs besides desired and live state. */
export interface PlanOptions {
  /** Image references the cluster already holds; others are built. */
  presentImages?: ReadonlySet<string>;
  /**
   * Network ID to name for networks that live specs reference but that
   * are not Berth's (Berth's own networks are known from live state).
   */
  networkNames?: ReadonlyMap<string, string>;
}

/** Options of `planAll`. */
export interface PlanAllOptions extends PlanOptions {
  /** Environments to destroy: every object of theirs but volumes. */
  destroy?: readonly string[];
}
