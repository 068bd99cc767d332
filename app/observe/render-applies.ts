/** The recent applies table, from the audit trail, newest first. */
import type { ApplyRow } from "./dashboard-model.js";
import { formatDuration } from "./format-figures.js";
import { html, type SafeHtml } from "./html.js";
import { renderLinked, renderMoment } from "./render-links.js";

/** The table, or a sentence when the audit trail holds no apply. */
export function renderRecentApplies(
  rows: readonly ApplyRow[],
  now: Date,
): SafeHtml {
  if (rows.length === 0) {
    return html`<p class="empty">
      No apply is recorded in the audit trail yet.
    </p>`;
  }
  return html`<div class="scroll">
    <table id="applies">
      <thead>
        <tr>
          <th>When</th>
          <th>Environment</th>
          <th>Action</th>
          <th>Result</th>
          <th>Took</th>
          <th>Who</th>
          <th>Commit</th>
          <th>Pull request</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((row) => renderRow(row, now))}
      </tbody>
    </table>
  </div>`;
}

function renderRow(row: ApplyRow, now: Date): SafeHtml {
  const failed = row.result === "failed";
  return html`<tr>
    <td>${renderMoment(row.time, now)}</td>
    <td>${row.environment ?? "-"}</td>
    <td>${row.action}</td>
    <td>
      <span class="result${failed ? " failed" : ""}">${row.result}</span>
      ${row.error && html`<div class="problem">${row.error}</div>`}
    </td>
    <td class="num">
      ${row.durationMs === undefined ? "-" : formatDuration(row.durationMs)}
    </td>
    <td>${row.who} <span class="muted">(${row.via})</span></td>
    <td class="mono">${renderLinked(row.commit)}</td>
    <td>${renderLinked(row.pullRequest)}</td>
  </tr>`;
}
