/**
 * The dashboard page: server-rendered HTML with its style and script
 * inline, made from the dashboard model. Every value is escaped by the
 * `html` template; the script runs only with the page's nonce.
 */
import type { DashboardModel } from "./dashboard-model.js";
import { DASHBOARD_CSS, DASHBOARD_SCRIPT } from "./dashboard-assets.js";
import { formatMoment } from "./format-figures.js";
import { html, trusted, type SafeHtml } from "./html.js";
import { renderRecentApplies } from "./render-applies.js";
import { renderProvisioningChart } from "./render-chart.js";
import { renderEnvironments } from "./render-environments.js";
import { renderNodes } from "./render-nodes.js";

export interface PageOptions {
  /** Nonce of the Content-Security-Policy that allows the inline parts. */
  nonce: string;
}

/** The whole page for `model`. */
export function renderDashboardPage(
  model: DashboardModel,
  options: PageOptions,
): string {
  const now = new Date(model.generatedAt);
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>Berth: ${model.counts.total} environments</title>
        <style nonce="${options.nonce}">
          ${trusted(DASHBOARD_CSS)}
        </style>
      </head>
      <body>
        <header>
          <h1>Berth environments</h1>
          ${figures(model)}
          <span class="muted">as of ${formatMoment(model.generatedAt)}</span>
        </header>
        <main>
          ${
            model.clusterError &&
            html`<div class="banner" role="alert">
              The cluster could not be read: ${model.clusterError}
            </div>`
          }
          <section>
            <h2>Environments</h2>
            <div class="toolbar">
              <input
                id="filter"
                type="search"
                placeholder="Filter by name, owner, state..."
                aria-label="Filter"
              />
              <label
                ><input id="refresh" type="checkbox" /> reload every 30 s</label
              >
              <a href="dashboard/data.json">data.json</a>
              <a href="metrics">metrics</a>
            </div>
            ${renderEnvironments(model.environments, now)}
          </section>
          <div class="grid2">
            <section>
              <h2>Provisioning time</h2>
              ${renderProvisioningChart(model.provisioning)}
            </section>
            <section>
              <h2>Nodes</h2>
              ${renderNodes(model.nodes)}
            </section>
          </div>
          <section>
            <h2>Recent applies</h2>
            ${renderRecentApplies(model.recentApplies, now)}
          </section>
        </main>
        <script nonce="${options.nonce}">
          ${trusted(DASHBOARD_SCRIPT)};
        </script>
      </body>
    </html> `.markup;
}

function figures(model: DashboardModel): SafeHtml {
  const { counts, app } = model;
  const items: [string, number | undefined][] = [
    ["environments", counts.total],
    ["healthy", counts.healthy],
    ["starting", counts.starting],
    ["degraded", counts.degraded],
    ["stopped", counts.stopped],
    ["queued jobs", app.queueDepth],
    ["commits behind", app.commitsBehind],
  ];
  return html`<div class="figures">
    ${items
      .filter(([, value]) => value !== undefined)
      .map(
        ([name, value]) =>
          html`<span class="figure"><b>${value}</b> ${name}</span>`,
      )}
  </div>`;
}
