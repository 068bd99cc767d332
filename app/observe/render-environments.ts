/** The environments table: one row per environment on the cluster. */
import type { EnvironmentRow } from "./dashboard-model.js";
import { formatMoment, formatRelative } from "./format-figures.js";
import { html, type SafeHtml } from "./html.js";
import { renderLinked, renderMoment } from "./render-links.js";

/** The table, or a sentence when no environment runs. */
export function renderEnvironments(
  rows: readonly EnvironmentRow[],
  now: Date,
): SafeHtml {
  if (rows.length === 0) {
    return html`<p class="empty">No environment runs on the cluster.</p>`;
  }
  return html`<div class="scroll">
    <table id="environments">
      <thead>
        <tr>
          <th>Environment</th>
          <th>State</th>
          <th>Template</th>
          <th>Owners</th>
          <th>Access</th>
          <th>Commit</th>
          <th>Pull request</th>
          <th>Age</th>
          <th>Expires</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((row) => renderRow(row, now))}
      </tbody>
    </table>
  </div>`;
}

function renderRow(row: EnvironmentRow, now: Date): SafeHtml {
  return html`<tr data-environment="${row.name}">
    <td>
      <strong class="env-name">${row.name}</strong>
      <div class="services">
        ${row.services.map(
          (s) =>
            html`<span title="${s.problem ?? ""}"
              >${s.name} ${s.running}/${s.wanted}</span
            > `,
        )}
      </div>
    </td>
    <td>
      <span class="state" data-state="${row.state}">${row.state}</span>
      ${problems(row)}
    </td>
    <td class="nowrap">${row.template ?? "-"}</td>
    <td>
      ${list(row.owners.map(renderLinked))}
      <div class="muted">team ${row.team}</div>
    </td>
    <td class="access">
      ${row.access.map(
        (point) => html`<div>${point.name}: ${renderLinked(point)}</div>`,
      )}
    </td>
    <td class="mono">${renderLinked(row.commit)}</td>
    <td>${renderLinked(row.pullRequest)}</td>
    <td class="nowrap">${age(row.createdAt, now)}</td>
    <td class="nowrap">${expiry(row.expiresAt, now)}</td>
  </tr>`;
}

/** Why tasks do not run; a task that is merely starting is no problem. */
function problems(row: EnvironmentRow): SafeHtml {
  const stuck = row.services.filter(
    (s) => s.problem && !s.problem.startsWith("starting"),
  );
  return html`${stuck.map(
    (s) => html`<div class="problem">${s.name}: ${s.problem}</div>`,
  )}`;
}

function age(createdAt: string | undefined, now: Date): SafeHtml {
  if (!createdAt) return html`<span class="muted">-</span>`;
  const text = formatRelative(createdAt, now).replace(/ ago$/, "");
  return html`<time
    datetime="${createdAt}"
    title="created ${formatMoment(createdAt)}"
    >${text}</time
  >`;
}

function expiry(expiresAt: string | undefined, now: Date): SafeHtml {
  if (!expiresAt) return html`<span class="muted">never</span>`;
  const expired = Date.parse(expiresAt) <= now.getTime();
  return html`<span class="${expired ? "expired" : ""}"
    >${renderMoment(expiresAt, now)}</span
  >`;
}

function list(items: SafeHtml[]): SafeHtml {
  return html`${items.map((item, i) => html`${i > 0 ? ", " : ""}${item}`)}`;
}
