import { describe, expect, it } from "vitest";
import {
  approvedBy,
  missingApprovals,
  type ApprovalInput,
} from "../../../app/github/approvals.js";
import { DEFAULT_SETTINGS } from "../../../app/github/settings.js";
import { ownersOf, parseCodeowners } from "../../../app/github/codeowners.js";

const base: ApprovalInput = {
  settings: { ...DEFAULT_SETTINGS, requireApproval: "owner" },
  author: "alice",
  reviews: [],
  environments: [{ name: "pay", owners: ["bob", "acme/payments"] }],
  codeowners: [],
  isMember: async (owner, user) =>
    owner === user || (owner === "acme/payments" && user === "carol"),
};

describe("approvals", () => {
  it("takes each reviewer's latest state, never the author's", () => {
    expect(
      approvedBy(
        [
          { user: "bob", state: "APPROVED" },
          { user: "bob", state: "CHANGES_REQUESTED" },
          { user: "dan", state: "APPROVED" },
          { user: "dan", state: "COMMENTED" },
          { user: "alice", state: "APPROVED" },
        ],
        "alice",
      ),
    ).toEqual(["dan"]);
  });

  it("asks for an owner of each environment, naming them", async () => {
    expect(await missingApprovals(base)).toEqual([
      "an approving review by an owner of environment pay " +
        "(@bob, @acme/payments)",
    ]);
    const byTeam = { ...base, reviews: [{ user: "carol", state: "APPROVED" }] };
    expect(await missingApprovals(byTeam)).toEqual([]);
  });

  it("accepts anyone but the author with `any`", async () => {
    const settings = { ...DEFAULT_SETTINGS, requireApproval: "any" as const };
    expect(await missingApprovals({ ...base, settings })).toHaveLength(1);
    const reviews = [{ user: "zed", state: "APPROVED" }];
    expect(await missingApprovals({ ...base, settings, reviews })).toEqual([]);
  });

  it("asks code owners of each changed file with `codeowner`", async () => {
    const rules = parseCodeowners(
      "# owners\n* @root\nenvironments/ @platform\n/templates/node/ @bob\n",
    );
    expect(ownersOf(rules, "environments/x/pay.yaml")).toEqual(["platform"]);
    expect(ownersOf(rules, "templates/node/compose.yaml")).toEqual(["bob"]);
    expect(ownersOf(rules, "README.md")).toEqual(["root"]);

    const settings = {
      ...DEFAULT_SETTINGS,
      requireApproval: "codeowner" as const,
    };
    const input = {
      ...base,
      settings,
      codeowners: [{ path: "templates/node/compose.yaml", owners: ["bob"] }],
    };
    expect(await missingApprovals(input)).toHaveLength(1);
    const reviews = [{ user: "bob", state: "APPROVED" }];
    expect(await missingApprovals({ ...input, reviews })).toEqual([]);
  });
});
