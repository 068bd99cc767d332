import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseManifest } from "../../../app/manifest/parse-manifest.js";
import type { Manifest } from "../../../app/manifest/types.js";
import { renderEnvironment } from "../../../app/render/render.js";
import { makeManifest, makeTemplate } from "../template/fixtures.js";

const PORTS = { "workspace:8080": 20080 };

function specHash(manifest: Manifest, template = makeTemplate()): string {
  return renderEnvironment({ manifest, template, publishedPorts: PORTS })
    .specHash;
}

/** Entries with unique keys, and the same entries in another order. */
function entriesAndShuffle<T>(value: fc.Arbitrary<T>) {
  const entries = fc.uniqueArray(
    fc.tuple(fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/), value),
    { selector: ([key]) => key, maxLength: 8 },
  );
  return entries.chain((list) =>
    fc.tuple(
      fc.constant(list),
      fc.shuffledSubarray(list, {
        minLength: list.length,
        maxLength: list.length,
      }),
    ),
  );
}

describe("spec hash", () => {
  it("ignores where the template was checked out", () => {
    const manifest = makeManifest();
    const elsewhere = makeTemplate({
      dir: "/tmp/snapshot-2/templates/demo",
      builds: makeTemplate().builds.map((build) => ({
        ...build,
        contextDir: "/tmp/snapshot-2/templates/demo/workspace",
      })),
    });

    expect(specHash(manifest, elsewhere)).toBe(specHash(manifest));
  });

  it("ignores the order of env entries and labels", () => {
    fc.assert(
      fc.property(
        entriesAndShuffle(fc.string()),
        entriesAndShuffle(fc.string({ maxLength: 20 })),
        ([env, envShuffled], [labels, labelsShuffled]) => {
          const make = (e: [string, string][], l: [string, string][]) =>
            makeManifest({
              metadata: { labels: Object.fromEntries(l) },
              spec: { env: Object.fromEntries(e) },
            });

          expect(specHash(make(envShuffled, labelsShuffled))).toBe(
            specHash(make(env, labels)),
          );
        },
      ),
    );
  });

  it("ignores the order of parameters and of owners", () => {
    const parameters: [string, string | number | boolean][] = [
      ["greeting", "hey"],
      ["replicas", 2],
      ["debug", true],
      ["flavour", "fancy"],
    ];
    const owners = ["alice", "bob", "acme/team"];
    fc.assert(
      fc.property(
        fc.shuffledSubarray(parameters, { minLength: 4, maxLength: 4 }),
        fc.shuffledSubarray(owners, { minLength: 3, maxLength: 3 }),
        (shuffled, shuffledOwners) => {
          const make = (p: typeof parameters, o: string[]) =>
            makeManifest({
              metadata: { owners: o },
              spec: { parameters: Object.fromEntries(p) },
            });

          expect(specHash(make(shuffled, shuffledOwners))).toBe(
            specHash(make(parameters, owners)),
          );
        },
      ),
    );
  });

  it("is the same when rendering twice, and changes with the env", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[A-Z]{1,6}$/), fc.string()),
        (env) => {
          const manifest = makeManifest({ spec: { env } });
          const first = specHash(manifest);

          expect(specHash(manifest)).toBe(first);
          const changed = { ...env, EXTRA_VARIABLE: "1" };
          expect(specHash(makeManifest({ spec: { env: changed } }))).not.toBe(
            first,
          );
        },
      ),
    );
  });

  it("ignores key order and line endings of manifest and template", () => {
    const lines = [
      "apiVersion: berth.dev/v1",
      "kind: Environment",
      "metadata: {name: team-alice, owners: [alice]}",
      "spec:",
      "  template: demo",
      "  env: {A: '1', B: '2'}",
      "  access:",
      "    ports: [{service: workspace, port: 8080, name: web}]",
    ];
    const reordered = [
      "kind: Environment",
      "spec:",
      "  access:",
      "    ports: [{name: web, port: 8080, service: workspace}]",
      "  env: {B: '2', A: '1'}",
      "  template: demo",
      "metadata: {owners: [alice], name: team-alice}",
      "apiVersion: berth.dev/v1",
    ];
    const read = (text: string) => {
      const parsed = parseManifest("environments/a.yaml", text);
      if (!parsed.manifest) throw new Error(JSON.stringify(parsed.findings));
      return parsed.manifest;
    };
    const template = makeTemplate();
    const crlfTemplate = makeTemplate({
      composeText: template.composeText.replaceAll("\n", "\r\n"),
    });

    const lf = specHash(read(lines.join("\n")));

    expect(specHash(read(lines.join("\r\n")))).toBe(lf);
    expect(specHash(read(reordered.join("\n")))).toBe(lf);
    expect(specHash(read(lines.join("\n")), crlfTemplate)).toBe(lf);
  });
});
