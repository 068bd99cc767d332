/**
 * Valid manifests for the bundled templates, varied by index: template,
 * parameters, owners, labels, repositories, resources, env, expiry, ports
 * and YAML style all change from one manifest to the next.
 */
import type {
  AccessPort,
  ManifestInput,
  ManifestStyle,
} from "./manifest-yaml.js";

type Parameters = NonNullable<ManifestInput["parameters"]>;

interface TemplateShape {
  name: string;
  ports: AccessPort[];
  parameters: (i: number) => Parameters;
}

const workspace = (port: number, name: string): AccessPort => ({
  service: "workspace",
  port,
  name,
});

const TEMPLATES: TemplateShape[] = [
  {
    name: "base",
    ports: [workspace(8080, "web")],
    parameters: (i) => ({
      ssh: i % 2 === 0,
      cloneDepth: i % 5,
      welcomeMessage: `Welcome, developer ${i}`,
      shell: i % 3 === 0 ? "sh" : "bash",
    }),
  },
  {
    name: "node",
    ports: [workspace(3000, "app")],
    parameters: (i) => ({
      nodeEnv: pick(["development", "test", "production"], i),
      ...(i % 4 === 0 && { npmRegistry: "https://registry.npmjs.org/" }),
    }),
  },
  {
    name: "node-postgres",
    ports: [workspace(3000, "app"), { service: "db", port: 5432, name: "pg" }],
    parameters: (i) => ({
      postgresDatabase: `db${i}`,
      maxConnections: 20 + (i % 80),
      dbMemory: pick(["128M", "256M", "512M"], i),
    }),
  },
  {
    name: "python",
    ports: [workspace(8000, "app")],
    parameters: (i) => ({
      venv: i % 3 !== 0,
      logLevel: pick(["debug", "info", "warning", "error"], i),
    }),
  },
];

const TEAMS = ["payments", "search", "data", "platform", "mobile", "growth"];
const EXPIRY = ["90m", "12h", "3d", "7d", "2w", "30d"];
const MEMORY = ["256Mi", "512Mi", "1Gi", "1536Mi", "2Gi"];
const STYLES: ManifestStyle[] = ["block", "flow", "commented"];

function pick<T>(values: readonly T[], i: number): T {
  return values[i % values.length]!;
}

/** The `i`th varied manifest, named `PREFIX-TEAM-i`, and its style. */
export function variedManifest(
  prefix: string,
  i: number,
): { input: ManifestInput; style: ManifestStyle } {
  const template = pick(TEMPLATES, i);
  const team = pick(TEAMS, Math.floor(i / TEMPLATES.length));
  const input: ManifestInput = {
    name: `${prefix}-${team}-${i}`,
    template: template.name,
    owners: [`dev${i % 97}`, `acme/${team}`],
    labels: { team, ...(i % 2 === 0 && { "cost-center": `cc-${i % 9}` }) },
    parameters: template.parameters(i),
    repositories: repositories(team, i),
    ...(i % 5 !== 4 && {
      resources: { cpus: pick([0.25, 0.5, 1, 2], i), memory: pick(MEMORY, i) },
    }),
    env: environment(i),
    ...(i % 7 !== 6 && { expiresAfter: pick(EXPIRY, i) }),
    ports: i % 6 === 5 ? [] : template.ports,
  };
  return { input, style: pick(STYLES, Math.floor(i / 2)) };
}

function repositories(team: string, i: number) {
  const count = i % 4;
  return Array.from({ length: count }, (_, k) =>
    k === 2
      ? { url: `git@github.com:acme/${team}-tools.git` }
      : { url: `https://github.com/acme/${team}-svc-${k}`, ref: refOf(i, k) },
  );
}

function refOf(i: number, k: number): string {
  return pick(["main", `v1.${k}.${i % 10}`, `feature/x-${i}`], i + k);
}

function environment(i: number): Record<string, string> {
  const env: Record<string, string> = { LOG_LEVEL: pick(["debug", "info"], i) };
  for (let k = 0; k < i % 4; k++) env[`FEATURE_${k}`] = String(k % 2 === 0);
  if (i % 3 === 0) env.TZ = "UTC";
  return env;
}
