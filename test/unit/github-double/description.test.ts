import { describe, expect, it } from "vitest";
import { findOperation } from "../../support/github/find-operation.js";
import { fill } from "../../support/github/fill-response.js";
import { responseSchema } from "../../support/github/check-response.js";
import {
  generateAppKeyPair,
  responseErrors,
  serveEnvironment,
  type GitHubDouble,
} from "../../support/github/index.js";

describe("matching requests to GitHub's REST description", () => {
  it("finds operations, including paths with encoded slashes", () => {
    const content = findOperation(
      "GET",
      "/repos/acme/envs/contents/.github%2Fberth.yml",
    );
    const nested = findOperation("GET", "/repos/acme/envs/contents/a/b/c.yaml");
    const comment = findOperation(
      "PATCH",
      "/repos/acme/envs/issues/comments/5",
    );
    const files = findOperation("GET", "/repos/acme/envs/pulls/3/files");

    expect(content?.operation.operationId).toBe("repos/get-content");
    expect(content?.params["path"]).toBe(".github/berth.yml");
    expect(nested?.params["path"]).toBe("a/b/c.yaml");
    expect(comment?.operation.operationId).toBe("issues/update-comment");
    expect(files?.operation.operationId).toBe("pulls/list-files");
    expect(
      findOperation("GET", "/repos/acme/envs/nothing-here"),
    ).toBeUndefined();
  });

  it("completes a partial object into a valid response", () => {
    const schema = responseSchema("GET", "/repos/acme/envs/pulls/1", 200);
    const body = fill(schema ?? {}, {
      number: 1,
      state: "open",
      head: { ref: "x" },
    });

    expect(
      responseErrors("GET", "/repos/acme/envs/pulls/1", 200, body),
    ).toEqual([]);
    expect(body).toMatchObject({
      number: 1,
      state: "open",
      head: { ref: "x" },
    });
  });

  it("says what is wrong with an invalid response", () => {
    const errors = responseErrors("GET", "/repos/acme/envs/pulls/1", 200, {
      number: "1",
    });

    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/must have required property 'head'/),
      ]),
    );
    expect(
      responseErrors("GET", "/repos/acme/envs/pulls/1", 418, {})[0],
    ).toMatch(/never answers 418/);
  });
});

describe("the berth serve environment", () => {
  it("points Probot at the double and drops repository settings", () => {
    const keys = generateAppKeyPair();
    const double = {
      host: "127.0.0.1:4000",
      options: { appId: 12 },
    } as unknown as GitHubDouble;
    process.env["BERTH_REPO_DIR"] = "/somewhere";

    const env = serveEnvironment(
      { double, privateKey: keys.privateKey, webhookSecret: "s" },
      5000,
      "/tmp/state",
    );
    delete process.env["BERTH_REPO_DIR"];

    expect(env).toMatchObject({
      APP_ID: "12",
      WEBHOOK_SECRET: "s",
      PORT: "5000",
      GHE_HOST: "127.0.0.1:4000",
      GHE_PROTOCOL: "http",
      BERTH_STATE_DIR: "/tmp/state",
    });
    expect(env["PRIVATE_KEY"]).toContain("BEGIN RSA PRIVATE KEY");
    expect(env["BERTH_REPO_DIR"]).toBeUndefined();
  });
});
