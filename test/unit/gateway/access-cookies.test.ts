import { describe, expect, it } from "vitest";
import { withoutAccessCookies } from "../../../app/gateway/auth-server.js";

describe("cookies passed on to an environment", () => {
  it("drops every access cookie of the gateway, keeping the app's", () => {
    expect(
      withoutAccessCookies("berth_a=t1; session=x; berth_b=t2;theme=dark"),
    ).toBe("session=x; theme=dark");
  });

  it("is empty when only access cookies were sent", () => {
    expect(withoutAccessCookies("berth_a=t1")).toBe("");
    expect(withoutAccessCookies(undefined)).toBe("");
  });
});
