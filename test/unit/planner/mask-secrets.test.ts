import { describe, expect, it } from "vitest";
import { diffSpecs } from "../../../app/planner/diff-spec.js";
import {
  maskEnvEntry,
  maskUrlPasswords,
} from "../../../app/planner/mask-secrets.js";

describe("secrets in plan output", () => {
  it.each([
    ["POSTGRES_PASSWORD=s3cr3t", "POSTGRES_PASSWORD=<hidden>"],
    ["github_token=ghp_abc", "github_token=<hidden>"],
    ["STRIPE_API_KEY=sk_live", "STRIPE_API_KEY=<hidden>"],
    ["LOG_LEVEL=debug", "LOG_LEVEL=debug"],
    ["EMPTY_SECRET=", "EMPTY_SECRET="],
  ])("shows %s as %s", (entry, shown) => {
    expect(maskEnvEntry(entry)).toBe(shown);
  });

  it("hides the password of a URL, keeping the rest", () => {
    expect(maskUrlPasswords("postgres://app:pw@db:5432/app")).toBe(
      "postgres://app:<hidden>@db:5432/app",
    );
    expect(maskUrlPasswords("https://example.com/a:b@c")).toBe(
      "https://example.com/a:b@c",
    );
  });

  it("plans a changed password as a change, without either value", () => {
    const spec = (password: string) => ({
      TaskTemplate: {
        ContainerSpec: {
          Env: [
            `POSTGRES_PASSWORD=${password}`,
            `DATABASE_URL=postgres://app:${password}@db/app`,
          ],
        },
      },
    });

    const changes = diffSpecs(spec("old-pw"), spec("new-pw"));
    const text = JSON.stringify(changes);

    expect(changes).toHaveLength(1);
    expect(changes[0]!.before).toContain("POSTGRES_PASSWORD=<hidden>");
    expect(text).not.toContain("old-pw");
    expect(text).not.toContain("new-pw");
  });
});
