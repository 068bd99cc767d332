import { describe, expect, it } from "vitest";
import { gatewayUrl, routeTarget } from "../../../app/gateway/route-target.js";

describe("routeTarget", () => {
  it("reads the host form", () => {
    expect(
      routeTarget("app--pay-alice.dev.example", "/x", "dev.example"),
    ).toEqual({ environment: "pay-alice", port: "app", form: "host" });
  });

  it("reads the path form on the bare domain only", () => {
    expect(
      routeTarget("localhost", "/e/pay-alice/app/x?y", "localhost"),
    ).toEqual({ environment: "pay-alice", port: "app", form: "path" });
    expect(
      routeTarget("localhost", "/e/pay-alice/app", "localhost"),
    ).toMatchObject({ environment: "pay-alice" });
  });

  it("names no target for other hosts and paths", () => {
    const none = [
      ["evil.example", "/e/a/b/"],
      ["app--a.evil.example", "/"],
      ["x.app--a.localhost", "/"],
      ["app-a.localhost", "/"],
      ["localhost", "/"],
      ["localhost", "/e/a/"],
      ["localhost", "/e/A/b/"],
      ["localhost", "/x/e/a/b/"],
    ];
    for (const [host, uri] of none) {
      expect(
        routeTarget(host!, uri!, "localhost"),
        `${host}${uri}`,
      ).toBeUndefined();
    }
  });
});

describe("gatewayUrl", () => {
  const address = { domain: "localhost", tls: false, httpPort: 80 };

  it("uses paths on localhost and leaves out default ports", () => {
    expect(gatewayUrl({ ...address, httpsPort: 443 }, "a", "app")).toBe(
      "http://localhost/e/a/app/",
    );
  });

  it("uses host names on a domain, with https and its port", () => {
    const tls = { domain: "dev.example", tls: true, httpPort: 80 };

    expect(gatewayUrl({ ...tls, httpsPort: 8443 }, "a", "app")).toBe(
      "https://app--a.dev.example:8443/",
    );
  });
});
