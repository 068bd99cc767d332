import { describe, expect, it } from "vitest";
import * as affected from "../../../app/github/affected-environments.js";
import { diffTrees } from "../../../app/github/tree-diff.js";

const head = [
  { file: "environments/a.yaml", name: "a", template: "node" },
  { file: "environments/b.yaml", name: "b", template: "python" },
  { file: "environments/c.yaml", name: "c", template: "node" },
];

const { affectedEnvironments } = affected;

describe("affected environments", () => {
  it("takes changed manifests and every manifest of a changed template", () => {
    const affected = affectedEnvironments({
      changed: [
        { path: "environments/b.yaml", status: "modified" },
        { path: "templates/node/compose.yaml", status: "modified" },
        { path: "README.md", status: "modified" },
      ],
      head,
      base: [{ file: "environments/b.yaml", name: "b" }],
      unreadable: [],
    });
    expect(affected).toEqual({
      changed: ["a", "b", "c"],
      removed: [],
      removalsHeld: false,
      files: ["environments/b.yaml", "templates/node/compose.yaml"],
    });
  });

  it("finds removed manifests, and ignores a move that keeps the name", () => {
    const affected = affectedEnvironments({
      changed: [
        { path: "environments/old.yaml", status: "removed" },
        {
          path: "environments/team/a.yaml",
          previousPath: "environments/a.yaml",
          status: "renamed",
        },
      ],
      head: [{ file: "environments/team/a.yaml", name: "a" }],
      base: [
        { file: "environments/old.yaml", name: "old" },
        { file: "environments/a.yaml", name: "a" },
      ],
      unreadable: [],
    });
    expect(affected.changed).toEqual(["a"]);
    expect(affected.removed).toEqual(["old"]);
  });

  it("treats a renamed environment as a new one and a removed one", () => {
    const affected = affectedEnvironments({
      changed: [{ path: "environments/a.yaml", status: "modified" }],
      head: [{ file: "environments/a.yaml", name: "a2" }],
      base: [{ file: "environments/a.yaml", name: "a" }],
      unreadable: [],
    });
    expect(affected.changed).toEqual(["a2"]);
    expect(affected.removed).toEqual(["a"]);
  });

  it("holds removals when a changed manifest cannot be read", () => {
    const affected = affectedEnvironments({
      changed: [{ path: "environments/big.yaml", status: "modified" }],
      head: [],
      base: [{ file: "environments/big.yaml", name: "big" }],
      unreadable: ["environments/big.yaml"],
    });
    expect(affected.removed).toEqual(["big"]);
    expect(affected.removalsHeld).toBe(true);
  });

  it("compares trees when the file list is cut off", () => {
    const base = new Map([
      ["environments/a.yaml", "1"],
      ["environments/b.yaml", "2"],
      ["templates/node/compose.yaml", "3"],
    ]);
    const after = new Map([
      ["environments/a.yaml", "1"],
      ["environments/c.yaml", "4"],
      ["templates/node/compose.yaml", "5"],
    ]);
    expect(diffTrees(base, after)).toEqual([
      { path: "environments/b.yaml", status: "removed" },
      { path: "environments/c.yaml", status: "added" },
      { path: "templates/node/compose.yaml", status: "modified" },
    ]);
  });
});
