import { describe, expect, it } from "vitest";
import {
  configName,
  networkName,
  objectNames,
  publishedPortKey,
  serviceName,
  volumeName,
} from "../../../app/render/names.js";
import { renderEnvironment } from "../../../app/render/render.js";
import { makeManifest, makeTemplate } from "../template/fixtures.js";

describe("object names", () => {
  it("follow docker stack deploy's ENV_name scheme", () => {
    expect(serviceName("env", "web")).toBe("env_web");
    expect(networkName("env")).toBe("env_default");
    expect(volumeName("env", "data")).toBe("env_data");
    expect(publishedPortKey("web", 8080)).toBe("web:8080");
  });

  it("give configs a name that changes with their content", () => {
    const a = configName("env", "motd", Buffer.from("a").toString("base64"));
    const b = configName("env", "motd", Buffer.from("b").toString("base64"));

    expect(a).toMatch(/^env_motd-[0-9a-f]{8}$/);
    expect(b).not.toBe(a);
  });

  it("lists every object of a rendered environment", () => {
    const desired = renderEnvironment({
      manifest: makeManifest(),
      template: makeTemplate(),
      publishedPorts: {},
    });

    const names = objectNames(desired);

    expect(names.services).toEqual([
      "team-alice_cache",
      "team-alice_workspace",
    ]);
    expect(names.networks).toEqual(["team-alice_default"]);
    expect(names.volumes).toEqual(["team-alice_home"]);
    expect(names.configs).toEqual([desired.configs[0]?.name]);
    expect(names.images).toEqual([desired.images[0]?.ref]);
  });
});
