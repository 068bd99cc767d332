import { describe, expect, it } from "vitest";
import { renderEnvironment } from "../../../app/render/render.js";
import { makeManifest, makeTemplate } from "../template/fixtures.js";

const PORTS = { "workspace:8080": 20080 };

function render(
  manifest = makeManifest(),
  extra: { commit?: string; pullRequest?: number } = {},
) {
  return renderEnvironment({
    manifest,
    template: makeTemplate(),
    publishedPorts: PORTS,
    ...extra,
  });
}

function service(name: string, desired = render()) {
  const found = desired.services.find((s) => s.name === name);
  if (!found) throw new Error(`no service ${name}`);
  return found;
}

describe("renderEnvironment", () => {
  it("names every object after the environment", () => {
    const desired = render();

    expect(desired.name).toBe("team-alice");
    expect(desired.services.map((s) => s.name)).toEqual([
      "team-alice_cache",
      "team-alice_workspace",
    ]);
    expect(desired.networks[0]?.spec).toEqual({
      Name: "team-alice_default",
      Driver: "overlay",
      Attachable: true,
      Labels: {
        "com.docker.stack.namespace": "team-alice",
        "dev.berth.environment": "team-alice",
      },
    });
    expect(desired.volumes).toEqual([
      {
        name: "team-alice_home",
        driver: "local",
        labels: desired.labels,
      },
    ]);
    expect(desired.configs[0]?.name).toMatch(/^team-alice_motd-[0-9a-f]{8}$/);
    expect(desired.configs[0]?.data).toBe(
      Buffer.from("hello\n").toString("base64"),
    );
  });

  it("converts the workspace like docker stack deploy, plus Berth's parts", () => {
    const { spec } = service("team-alice_workspace");
    const container = spec.TaskTemplate.ContainerSpec;

    expect(container.Image).toMatch(/^berth\/demo-workspace:[0-9a-f]{12}$/);
    expect(container.Command).toBeUndefined();
    expect(container.Args).toEqual([
      "serve",
      "--port",
      "8080",
      "--greeting",
      "hi world",
    ]);
    expect(container.Hostname).toBe("team-alice");
    expect(container.Env).toEqual([
      "BERTH_ENVIRONMENT=team-alice",
      "BERTH_OWNERS=acme/team,alice",
      'BERTH_REPOSITORIES=[{"ref":"main","url":"https://github.com/acme/app"}]',
      "DEBUG=false",
      "GREETING=hi",
      "LOG_LEVEL=debug",
      "PRICE=$5",
    ]);
    expect(container.Labels).toEqual({
      "com.docker.stack.namespace": "team-alice",
    });
    expect(container.Mounts).toEqual([
      {
        Type: "volume",
        Source: "team-alice_home",
        Target: "/home/dev",
        VolumeOptions: {
          Labels: {
            "com.docker.stack.namespace": "team-alice",
            "dev.berth.environment": "team-alice",
          },
        },
      },
      { Type: "tmpfs", Target: "/tmp" },
    ]);
    expect(container.Healthcheck).toEqual({
      Test: ["CMD", "true"],
      Interval: 10_000_000_000,
      Retries: 3,
    });
    expect(container.Configs).toEqual([
      {
        File: { Name: "motd", UID: "0", GID: "0", Mode: 0o444 },
        ConfigID: "",
        ConfigName: render().configs[0]?.name,
      },
    ]);
    expect(spec.TaskTemplate.Resources).toEqual({
      Limits: { NanoCPUs: 250_000_000, MemoryBytes: 256 * 1024 ** 2 },
      Reservations: { NanoCPUs: 250_000_000, MemoryBytes: 256 * 1024 ** 2 },
    });
    expect(spec.TaskTemplate.Networks).toEqual([
      { Target: "team-alice_default", Aliases: ["workspace"] },
    ]);
    expect(spec.Mode).toEqual({ Replicated: { Replicas: 1 } });
    expect(spec.EndpointSpec).toEqual({
      Mode: "dnsrr",
      Ports: [
        {
          Name: "web",
          Protocol: "tcp",
          TargetPort: 8080,
          PublishedPort: 20080,
          PublishMode: "host",
        },
      ],
    });
  });

  it("converts another service without workspace additions", () => {
    const { spec } = service("team-alice_cache");
    const container = spec.TaskTemplate.ContainerSpec;

    expect(container.Image).toBe("berth/busybox:latest");
    expect(container.Command).toEqual(["httpd", "-f"]);
    expect(container.Env).toBeUndefined();
    expect(container.Labels).toEqual({
      tier: "cache",
      "com.docker.stack.namespace": "team-alice",
    });
    expect(spec.TaskTemplate.RestartPolicy).toEqual({
      Condition: "on-failure",
      MaxAttempts: 3,
    });
    expect(spec.TaskTemplate.Resources).toBeUndefined();
    expect(spec.EndpointSpec).toEqual({ Mode: "dnsrr" });
  });

  it("labels services with the manifest's labels and Berth's", () => {
    const desired = render(makeManifest(), {
      commit: "c0ffee",
      pullRequest: 7,
    });
    const labels = service("team-alice_cache", desired).spec.Labels;

    // The manifest's team label takes over the template's default.
    expect(labels).toEqual({
      team: "team",
      "com.docker.stack.namespace": "team-alice",
      "com.docker.stack.image": "berth/busybox:latest",
      "dev.berth.environment": "team-alice",
      "dev.berth.template": "demo",
      "dev.berth.owners": "acme/team,alice",
      "dev.berth.expires-after": "86400",
      "dev.berth.spec-hash": desired.specHash,
      "dev.berth.commit": "c0ffee",
      "dev.berth.pull-request": "7",
    });
  });

  it("lists access URLs with their host ports", () => {
    expect(render().access).toEqual([
      {
        name: "web",
        service: "workspace",
        port: 8080,
        publishedPort: 20080,
        protocol: "http",
      },
    ]);
  });

  it("marks access ports that speak raw TCP on their service", () => {
    const template = makeTemplate({
      ports: [
        { service: "workspace", port: 8080, name: "web", protocol: "tcp" },
      ],
    });
    const desired = renderEnvironment({
      manifest: makeManifest(),
      template,
      publishedPorts: { "workspace:8080": 20080 },
    });

    expect(desired.access[0]?.protocol).toBe("tcp");
    const workspace = desired.services.find((service) =>
      service.name.endsWith("_workspace"),
    );
    expect(workspace?.spec.Labels?.["dev.berth.tcp-access"]).toBe("web");
  });

  it("applies parameters and their defaults", () => {
    const manifest = makeManifest({
      spec: { parameters: { replicas: 3, flavour: "fancy" } },
    });
    const desired = render(manifest);
    const { spec } = service("team-alice_workspace", desired);

    expect(spec.Mode).toEqual({ Replicated: { Replicas: 3 } });
    expect(spec.TaskTemplate.ContainerSpec.Env).toContain("GREETING=hello");
    expect(desired.images[0]?.buildArgs).toEqual({ FLAVOUR: "fancy" });
  });

  it("keeps the spec hash over commits and pull requests", () => {
    const plain = render();
    const other = render(makeManifest(), { commit: "1234", pullRequest: 9 });

    expect(other.specHash).toBe(plain.specHash);
    expect(other.services.map((s) => s.taskHash)).toEqual(
      plain.services.map((s) => s.taskHash),
    );
  });

  it("changes the spec hash, not the task hash, for owners", () => {
    const plain = render();
    const owners = render(makeManifest({ metadata: { owners: ["bob"] } }));
    const cache = (d: typeof plain) => service("team-alice_cache", d);

    expect(owners.specHash).not.toBe(plain.specHash);
    expect(cache(owners).taskHash).toBe(cache(plain).taskHash);
  });

  it("changes the image tag with the build context and build args", () => {
    const ref = (template = makeTemplate(), manifest = makeManifest()) =>
      renderEnvironment({ manifest, template, publishedPorts: PORTS }).images[0]
        ?.ref;
    const template = makeTemplate();
    const changed = makeTemplate({
      builds: [{ ...template.builds[0]!, contextHash: "b".repeat(64) }],
    });
    const fancy = makeManifest({ spec: { parameters: { flavour: "fancy" } } });

    expect(ref()).toBe(ref());
    expect(ref(changed)).not.toBe(ref());
    expect(ref(template, fancy)).not.toBe(ref());
  });

  it("throws when the Compose file does not hold for the manifest", () => {
    const manifest = makeManifest({ spec: { parameters: { replicas: -2 } } });

    expect(() => render(manifest)).toThrow(/does not validate for team-alice/);
  });
});
