import { describe, expect, it } from "vitest";
import { renderEnvironment } from "../../../app/render/render.js";
import type { GatewayRouting } from "../../../app/render/gateway-routing.js";
import { makeManifest, makeTemplate } from "../template/fixtures.js";

const ROUTING: GatewayRouting = {
  networkId: "gw123",
  sshPort: 30022,
  authorizedKeys: "ssh-ed25519 AAAA alice",
};

function workspace(gateway?: GatewayRouting, ssh = "true") {
  const manifest = makeManifest();
  manifest.spec.env = { BERTH_SSH: ssh };
  const desired = renderEnvironment({
    manifest,
    template: makeTemplate(),
    publishedPorts: { "workspace:8080": 20080 },
    ...(gateway ? { gateway } : {}),
  });
  return desired.services.find((s) => s.name === "team-alice_workspace")!.spec;
}

describe("rendering with a gateway", () => {
  it("publishes HTTP ports on the host when no gateway runs", () => {
    const spec = workspace();

    expect(spec.EndpointSpec?.Ports).toEqual([
      expect.objectContaining({ Name: "web", PublishedPort: 20080 }),
    ]);
    expect(spec.TaskTemplate.Networks).toHaveLength(1);
    expect(spec.Labels?.["dev.berth.gateway-access"]).toBeUndefined();
  });

  it("routes HTTP ports through the gateway's network instead", () => {
    const spec = workspace(ROUTING);

    expect(spec.TaskTemplate.Networks?.map((n) => n.Target)).toEqual([
      "team-alice_default",
      "gw123",
    ]);
    expect(spec.Labels?.["dev.berth.gateway-access"]).toBe("web=8080");
    expect(spec.EndpointSpec?.Ports?.map((p) => p.Name)).toEqual(["berth-ssh"]);
  });

  it("publishes SSH with the owners' keys for a workspace running sshd", () => {
    const spec = workspace(ROUTING);

    expect(spec.EndpointSpec?.Ports?.[0]).toMatchObject({
      TargetPort: 22,
      PublishedPort: 30022,
      PublishMode: "host",
    });
    expect(spec.TaskTemplate.ContainerSpec.Env).toContain(
      "SSH_AUTHORIZED_KEYS=ssh-ed25519 AAAA alice",
    );
  });

  it("publishes no SSH port when the workspace runs no sshd", () => {
    const spec = workspace(ROUTING, "false");

    expect(spec.EndpointSpec?.Ports ?? []).toEqual([]);
  });
});
