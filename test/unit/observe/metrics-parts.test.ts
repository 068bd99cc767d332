import { describe, expect, it } from "vitest";
import { dockerPathTemplate } from "../../../app/observe/docker-api-path.js";
import { failureReason } from "../../../app/observe/failure-reason.js";
import { boundedLabel } from "../../../app/observe/label-value.js";
import { teamOf } from "../../../app/observe/environment-team.js";
import { webUrl } from "../../../app/observe/repository-links.js";
import { redactSecrets } from "../../../app/audit/redact-secrets.js";
import { parseAuditLines } from "../../../app/audit/audit-log.js";

describe("dockerPathTemplate", () => {
  it.each([
    ["/services?", "/services"],
    ["/services/create?", "/services/create"],
    ["/services/abc123/update?version=4", "/services/{id}/update"],
    ["/services/payments-alice_workspace?", "/services/{id}"],
    ["/v1.44/tasks?filters=x", "/tasks"],
    ["/images/berth/web:1a2b/json?", "/images/{name}/json"],
    ["/images/json?", "/images/json"],
    ["/images/berth/web:1a2b?", "/images/{name}"],
    ["/containers/0a1b/archive?path=/x", "/containers/{id}/archive"],
    ["/build?t=x", "/build"],
    ["/plugins/x/enable", "/other"],
    ["/networks/n1/Weird-Segment", "/networks/{id}/{id}"],
  ])("%s is %s", (path, template) => {
    expect(dockerPathTemplate(path)).toBe(template);
  });
});

describe("metric labels", () => {
  it("names failures by the error's kind", () => {
    const named = (name: string) => Object.assign(new Error("x"), { name });

    expect(failureReason(named("BuildError"))).toBe("build");
    expect(failureReason(named("NotHealthyError"))).toBe("unhealthy");
    expect(failureReason(named("OutOfSequenceError"))).toBe("conflict");
    expect(failureReason("text")).toBe("other");
  });

  it("keeps label values short lowercase words", () => {
    expect(boundedLabel("pull_request")).toBe("pull_request");
    expect(boundedLabel('"} 1\nevil')).toBe("other");
    expect(boundedLabel(undefined)).toBe("none");
  });

  it("takes the team from the first org/team owner", () => {
    expect(teamOf(["alice", "acme/payments", "acme/x"])).toBe("payments");
    expect(teamOf(["alice"])).toBe("none");
  });
});

describe("repository links and secrets", () => {
  it.each([
    ["git@github.com:acme/envs.git", "https://github.com/acme/envs"],
    ["https://x:tok@github.com/acme/envs.git", "https://github.com/acme/envs"],
    ["ssh://git@ghe.example/acme/envs", "https://ghe.example/acme/envs"],
    ["/srv/git/envs", undefined],
  ])("the web address of %s is %s", (remote, url) => {
    expect(webUrl(remote)).toBe(url);
  });

  it("removes credentials from text", () => {
    const text =
      "git clone https://u:p4ss@github.com/a/b failed; " +
      "Authorization: Bearer abcdefghijkl; token ghp_0123456789abcdefghij0123";

    const redacted = redactSecrets(text);

    expect(redacted).not.toMatch(/p4ss|abcdefghijkl|ghp_/);
    expect(redacted).toContain("https://[redacted]@github.com/a/b");
  });

  it("reads audit lines, skipping damaged ones", () => {
    const good = {
      time: "2026-12-04T07:00:00.000Z",
      action: "apply",
      who: "alice",
      via: "cli",
      result: "created",
    };
    const text = [
      JSON.stringify(good),
      '{"time": "2026-12-04T07:0',
      JSON.stringify({ ...good, action: "reboot" }),
      "",
    ].join("\n");

    expect(parseAuditLines(text)).toEqual([good]);
  });
});
