import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { interpolatedCompose } from "../../../app/render/interpolated-compose.js";
import { makeManifest, makeTemplate } from "../template/fixtures.js";

describe("interpolatedCompose", () => {
  const text = interpolatedCompose(makeTemplate(), makeManifest(), {
    publishedPorts: { "workspace:8080": 20080 },
  });
  const compose = parse(text, { version: "1.1" });
  const workspace = compose.services.workspace;

  it("replaces build with Berth's image tag", () => {
    expect(workspace.build).toBeUndefined();
    expect(workspace.image).toMatch(/^berth\/demo-workspace:[0-9a-f]{12}$/);
  });

  it("escapes every dollar sign for docker stack deploy", () => {
    expect(workspace.environment.PRICE).toBe("$$5");
  });

  it("adds the workspace's env, resources and host-mode ports", () => {
    expect(workspace.environment).toMatchObject({
      GREETING: "hi",
      LOG_LEVEL: "debug",
      BERTH_ENVIRONMENT: "team-alice",
    });
    expect(workspace.deploy.resources.limits).toEqual({
      cpus: "0.25",
      memory: `${256 * 1024 * 1024}b`,
    });
    expect(workspace.deploy.endpoint_mode).toBe("dnsrr");
    expect(workspace.ports).toEqual([
      { target: 8080, published: 20080, protocol: "tcp", mode: "host" },
    ]);
  });

  it("points configs at the template folder and makes the network attachable", () => {
    expect(compose.configs.motd.file).toBe("/repo/templates/demo/motd.txt");
    expect(compose.networks.default).toEqual({
      driver: "overlay",
      attachable: true,
    });
  });

  it("keeps text that looks like YAML 1.1 booleans quoted", () => {
    expect(workspace.environment.DEBUG).toBe("false");
  });
});
