import { describe, expect, it } from "vitest";
import { nginxConfig } from "../../../app/gateway/nginx-config.js";

const SETTINGS = {
  name: "berth-gateway",
  httpPort: 80,
  httpsPort: 8443,
  domain: "dev.example",
  tls: true,
};

describe("nginxConfig", () => {
  it("resolves upstreams through Docker's DNS at request time", () => {
    const text = nginxConfig(SETTINGS);

    expect(text).toContain("resolver 127.0.0.11 valid=5s");
    expect(text).toContain("proxy_pass http://$berth_upstream;");
    expect(text).toContain("set $berth_auth berth-gateway-auth:8081;");
  });

  it("matches only <port>--<env> hosts of the domain", () => {
    const text = nginxConfig(SETTINGS);
    const pattern = /server_name "~(.+)";/.exec(text)![1]!;
    const hostForm = new RegExp(pattern);

    expect(hostForm.test("app--pay-alice.dev.example")).toBe(true);
    expect(hostForm.test("app--pay-alice.dev.example.evil")).toBe(false);
    expect(hostForm.test("app--pay-alice.devXexample")).toBe(false);
    expect(hostForm.test("x.app--a.dev.example")).toBe(false);
  });

  it("redirects to HTTPS only when TLS is on", () => {
    expect(nginxConfig(SETTINGS)).toContain(
      "return 308 https://$host:8443$request_uri;",
    );
    expect(nginxConfig({ ...SETTINGS, tls: false })).not.toContain(
      "return 308 https://",
    );
  });

  it("refuses dot segments, plain or percent-encoded", () => {
    const text = nginxConfig(SETTINGS);
    const rule = /if \(\$request_uri ~\* "(.+)"\)/.exec(text)![1]!;
    const dots = new RegExp(rule.replace(/\\\\/g, "\\"), "i");

    for (const uri of ["/a/../b", "/a/%2e%2E/b", "/a/..%2fb", "/a/./", "/.."]) {
      expect(dots.test(uri), uri).toBe(true);
    }
    for (const uri of ["/a/b", "/.well-known/x", "/a..b/", "/a/.env"]) {
      expect(dots.test(uri), uri).toBe(false);
    }
  });
});
