/**
 * The dashboard's only style sheet and script, inlined into the page so
 * that it needs nothing from elsewhere. The script filters the
 * environments table and reloads the page every 30 s while asked to.
 */

export const DASHBOARD_CSS = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e;
  --line: #d1d9e0; --bg: #f6f8fa; --ok: #1a7f37; --warn: #9a6700;
  --bad: #cf222e; --link: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, sans-serif; color: var(--fg);
  background: var(--bg); }
header { display: flex; flex-wrap: wrap; align-items: baseline;
  gap: 8px 24px; padding: 12px 24px; background: #fff;
  border-bottom: 1px solid var(--line); }
header h1 { font-size: 18px; margin: 0; }
main { max-width: 1440px; margin: 0 auto; padding: 16px 24px; }
section { background: #fff; border: 1px solid var(--line);
  border-radius: 6px; padding: 12px 16px; margin-bottom: 16px; }
section h2 { font-size: 15px; margin: 0 0 8px; }
.grid2 { display: grid; gap: 16px; margin-bottom: 16px;
  grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); }
.grid2 section { margin-bottom: 0; }
.figures { display: flex; flex-wrap: wrap; gap: 6px 18px; }
.figure b { font-size: 16px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px;
  border-bottom: 1px solid var(--line); }
th { font-weight: 600; color: var(--muted); white-space: nowrap; }
td.num, .num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.mono { font-family: ui-monospace, monospace; font-size: 13px; }
.muted, .services { color: var(--muted); font-size: 12px; }
.empty { color: var(--muted); }
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
.access div, .nowrap { white-space: nowrap; }
.state { display: inline-block; padding: 0 8px; border-radius: 10px;
  font-weight: 600; border: 1px solid currentColor; }
.state[data-state="healthy"] { color: var(--ok); }
.state[data-state="starting"] { color: var(--warn); }
.state[data-state="degraded"] { color: var(--bad); }
.state[data-state="stopped"] { color: var(--muted); }
.problem, .result.failed, .expired { color: var(--bad); }
.problem { font-size: 12px; max-width: 40ch; overflow-wrap: anywhere; }
.banner { background: #ffebe9; border: 1px solid var(--bad);
  border-radius: 6px; padding: 8px 12px; margin-bottom: 16px; }
.toolbar { display: flex; gap: 16px; align-items: center;
  margin-bottom: 8px; }
input[type=search] { padding: 4px 8px; min-width: 260px; }
meter { width: 90px; vertical-align: middle; }
.chart { width: 100%; max-width: 720px; height: auto; }
.chart .grid { stroke: var(--line); }
.chart .axis { fill: var(--muted); font-size: 11px; }
.chart .line { fill: none; stroke-width: 2; }
.chart .p50 { stroke: var(--link); fill: var(--link); }
.chart .p95 { stroke: var(--warn); fill: var(--warn); }
.chart polyline.line { fill: none; }
.legend .key { display: inline-block; width: 14px; height: 3px;
  vertical-align: middle; margin-left: 8px; }
.legend .key.p50 { background: var(--link); }
.legend .key.p95 { background: var(--warn); }
`;

export const DASHBOARD_SCRIPT = `
(() => {
  const filter = document.getElementById("filter");
  const rows = document.querySelectorAll("#environments tbody tr");
  filter?.addEventListener("input", () => {
    const wanted = filter.value.trim().toLowerCase();
    for (const row of rows) {
      row.hidden = wanted !== "" &&
        !row.textContent.toLowerCase().includes(wanted);
    }
  });
  const refresh = document.getElementById("refresh");
  const key = "berth.dashboard.refresh";
  if (refresh) {
    refresh.checked = localStorage.getItem(key) !== "off";
    refresh.addEventListener("change", () =>
      localStorage.setItem(key, refresh.checked ? "on" : "off"));
    setInterval(() => { if (refresh.checked) location.reload(); }, 30000);
  }
})();
`;
