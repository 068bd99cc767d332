/** The nodes table: reserved CPU and memory against what each node has. */
import type { NodeUsage } from "./node-usage.js";
import { formatBytes } from "./format-figures.js";
import { html, type SafeHtml } from "./html.js";

/** The table, or a sentence when the cluster could not be read. */
export function renderNodes(nodes: readonly NodeUsage[]): SafeHtml {
  if (nodes.length === 0) {
    return html`<p class="empty">No node could be read.</p>`;
  }
  return html`<div class="scroll">
    <table id="nodes">
      <thead>
        <tr>
          <th>Node</th>
          <th>Role</th>
          <th>State</th>
          <th>Tasks</th>
          <th>CPU reserved</th>
          <th>Memory reserved</th>
        </tr>
      </thead>
      <tbody>
        ${nodes.map(renderRow)}
      </tbody>
    </table>
  </div>`;
}

function renderRow(node: NodeUsage): SafeHtml {
  const cpus = node.cpus;
  const memory = node.memoryBytes;
  return html`<tr>
    <td>${node.hostname}</td>
    <td>${node.role}</td>
    <td>${node.state}, ${node.availability}</td>
    <td class="num">${node.tasks}</td>
    <td>
      ${gauge(cpus.reserved, cpus.total)} ${round(cpus.reserved)} of
      ${round(cpus.total)} CPUs
    </td>
    <td>
      ${gauge(memory.reserved, memory.total)} ${formatBytes(memory.reserved)} of
      ${formatBytes(memory.total)}
    </td>
  </tr>`;
}

function gauge(used: number, total: number): SafeHtml {
  const share = total > 0 ? Math.min(1, used / total) : 0;
  return html`<meter
      min="0"
      max="1"
      low="0.7"
      high="0.9"
      optimum="0"
      value="${share.toFixed(3)}"
    >
      ${Math.round(share * 100)}%
    </meter>
    <span class="num">${Math.round(share * 100)}%</span>`;
}

function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}
