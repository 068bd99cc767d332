/** Links and times as the dashboard's tables print them. */
import type { Linked } from "./dashboard-model.js";
import { formatMoment, formatRelative } from "./format-figures.js";
import { html, type SafeHtml } from "./html.js";

/** A link when `item` has a web address, else its text. */
export function renderLinked(item: Linked | undefined): SafeHtml {
  if (!item) return html``;
  if (!item.href || !/^https?:\/\//.test(item.href)) {
    return html`<span>${item.text}</span>`;
  }
  return html`<a href="${item.href}" rel="noopener noreferrer"
    >${item.text}</a
  >`;
}

/** A relative time with the exact moment as tooltip. */
export function renderMoment(iso: string | undefined, now: Date): SafeHtml {
  if (!iso) return html`<span class="muted">-</span>`;
  return html`<time datetime="${iso}" title="${formatMoment(iso)}"
    >${formatRelative(iso, now)}</time
  >`;
}
