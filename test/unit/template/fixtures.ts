/**
 * In-memory templates and manifests for unit tests of templates and
 * rendering, so that most tests read no files.
 */
import type { Manifest } from "../../../app/manifest/types.js";
import type { Template } from "../../../app/template/types.js";

/** A template with one built workspace service unless overridden. */
export function makeTemplate(overrides: Partial<Template> = {}): Template {
  return {
    name: "demo",
    dir: "/repo/templates/demo",
    description: "A demo template",
    parameters: {
      greeting: { type: "string", default: "hello" },
      replicas: { type: "number", default: 1 },
      debug: { type: "boolean", default: false },
      flavour: { type: "enum", values: ["plain", "fancy"], default: "plain" },
    },
    workspace: "workspace",
    ports: [
      { service: "workspace", port: 8080, name: "web", protocol: "http" },
    ],
    composeText: DEMO_COMPOSE,
    builds: [
      {
        service: "workspace",
        contextDir: "/repo/templates/demo/workspace",
        dockerfile: "Dockerfile",
        contextHash: "a".repeat(64),
      },
    ],
    configData: { motd: Buffer.from("hello\n").toString("base64") },
    ...overrides,
  };
}

export const DEMO_COMPOSE = `services:
  workspace:
    build:
      context: ./workspace
      args:
        FLAVOUR: \${flavour}
    command: serve --port 8080 --greeting "\${greeting} world"
    hostname: \${BERTH_ENVIRONMENT}
    environment:
      GREETING: \${greeting}
      DEBUG: \${debug}
      PRICE: "$$5"
    volumes:
      - home:/home/dev
      - type: tmpfs
        target: /tmp
    configs:
      - motd
    healthcheck:
      test: ["CMD", "true"]
      interval: 10s
      retries: 3
    deploy:
      replicas: \${replicas}
      resources:
        limits: { cpus: "0.5", memory: 512M }
  cache:
    image: berth/busybox:latest
    entrypoint: ["httpd", "-f"]
    labels: [tier=cache]
    deploy:
      labels: { team: demo }
      restart_policy: { condition: on-failure, max_attempts: 3 }
volumes:
  home: {}
configs:
  motd:
    file: ./motd.txt
`;

/** A valid manifest for the demo template unless overridden. */
export function makeManifest(
  overrides: {
    metadata?: Partial<Manifest["metadata"]>;
    spec?: Partial<Manifest["spec"]>;
  } = {},
): Manifest {
  return {
    apiVersion: "berth.dev/v1",
    kind: "Environment",
    metadata: {
      name: "team-alice",
      owners: ["alice", "acme/team"],
      labels: { team: "team" },
      ...overrides.metadata,
    },
    spec: {
      template: "demo",
      parameters: { greeting: "hi" },
      repositories: [{ url: "https://github.com/acme/app", ref: "main" }],
      resources: { cpus: 0.25, memory: 256 * 1024 * 1024 },
      env: { LOG_LEVEL: "debug" },
      expiresAfter: 86400,
      access: { ports: [{ service: "workspace", port: 8080, name: "web" }] },
      ...overrides.spec,
    },
  };
}
