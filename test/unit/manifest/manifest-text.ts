/** Test inputs: a valid manifest as text, and ways to vary it. */

/** A valid manifest using every field, one key per line. */
export const VALID_MANIFEST = `apiVersion: berth.dev/v1
kind: Environment
metadata:
  name: payments-alice
  owners: ["alice", "acme/payments"]
  labels: { team: payments }
spec:
  template: node-postgres
  parameters: { nodeVersion: "20" }
  repositories:
    - url: https://github.com/acme/payments
      ref: main
  resources: { cpus: 2, memory: 4Gi }
  env:
    LOG_LEVEL: debug
  expiresAfter: 7d
  access:
    ports: [{ service: workspace, port: 3000, name: app }]
`;

/** The smallest valid manifest. */
export const MINIMAL_MANIFEST = `apiVersion: berth.dev/v1
kind: Environment
metadata:
  name: demo
  owners: [alice]
spec:
  template: node-postgres
`;

/** The valid manifest with one line replaced (matched by its text). */
export function withLine(from: string, to: string): string {
  if (!VALID_MANIFEST.includes(from)) throw new Error(`no line ${from}`);
  return VALID_MANIFEST.replace(from, () => to);
}

/** The 1-based line of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`no line contains ${needle}`);
  return index + 1;
}
