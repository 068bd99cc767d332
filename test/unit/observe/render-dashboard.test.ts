import { describe, expect, it } from "vitest";
import { buildDashboardModel } from "../../../app/observe/dashboard-model.js";
import { renderDashboardPage } from "../../../app/observe/render-dashboard.js";
import { escapeHtml, html } from "../../../app/observe/html.js";
import { clusterView } from "./cluster-fixture.js";

const now = new Date("2026-12-04T08:00:00.000Z");

function page(
  events = [] as Parameters<typeof buildDashboardModel>[0]["events"],
) {
  const model = buildDashboardModel({
    now,
    cluster: clusterView,
    events,
    app: { queueDepth: 3, commitsBehind: 1 },
    repositoryUrl: "https://github.com/acme/environments",
  });
  return renderDashboardPage(model, { nonce: "n0nce" });
}

describe("html", () => {
  it("escapes values but not nested fragments", () => {
    const inner = html`<b>${"<i>"}</b>`;

    expect(
      html`<p title="${'"x"'}">${inner}${["a&", undefined]}</p>`.markup,
    ).toBe('<p title="&quot;x&quot;"><b>&lt;i&gt;</b>a&amp;</p>');
    expect(escapeHtml("'`")).toBe("&#39;&#96;");
  });
});

describe("renderDashboardPage", () => {
  it("shows every environment with its state, URL and links", () => {
    const text = page();

    expect(text).toContain('data-environment="payments-alice"');
    expect(text).toContain('data-state="healthy"');
    expect(text).toContain('href="http://127.0.0.1:24493/"');
    expect(text).toContain(
      'href="https://github.com/acme/environments/pull/42"',
    );
    expect(text).toContain("<b>3</b> queued jobs");
    expect(text).toContain("<b>1</b> commits behind");
  });

  it("never lets a label become markup", () => {
    const text = page();

    expect(text).not.toContain("<img");
    expect(text).not.toContain("<script>alert");
    expect(text).not.toContain('href="javascript:');
    expect(text).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("allows only its own inline style and script", () => {
    const text = page();
    const scripts = text.match(/<script[^>]*>/g) ?? [];

    expect(scripts).toEqual(['<script nonce="n0nce">']);
    expect(text).toContain('<style nonce="n0nce">');
    expect(text).not.toMatch(/\sstyle="/);
    expect(text).not.toMatch(/\son[a-z]+="/);
  });

  it("draws the provisioning chart from recorded applies", () => {
    const text = page([
      {
        time: "2026-12-04T07:00:00.000Z",
        action: "apply",
        who: "alice",
        via: "cli",
        environment: "payments-alice",
        result: "created",
        durationMs: 42_000,
      },
    ]);

    expect(text).toMatch(/<svg\s+class="chart"/);
    expect(text).toMatch(/<polyline\s+class="line p50"/);
    expect(text).toContain("42.0 s");
  });

  it("says so when nothing is recorded yet", () => {
    expect(page()).toContain("No environment created by Berth");
  });
});
