// Berth status page for Node workspaces: serves the environment's name,
// repositories and Node version on PORT until your own app takes the port
// (run `berth-yield`, then start your app).
"use strict";
const http = require("node:http");

const port = Number(process.env.PORT || 3000);
const started = new Date();

function escapeHtml(text) {
  return String(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function repositories() {
  try {
    return JSON.parse(process.env.BERTH_REPOSITORIES || "[]");
  } catch {
    return [];
  }
}

function page() {
  const name = escapeHtml(process.env.BERTH_ENVIRONMENT || "workspace");
  const repos = repositories()
    .map((r) => `<li>${escapeHtml(r.url)} ${escapeHtml(r.ref || "")}</li>`)
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${name}</title></head>
<body><h1>${name}</h1>
<p>Node ${escapeHtml(process.version)}, NODE_ENV=${escapeHtml(process.env.NODE_ENV)},
up since ${started.toISOString()}.</p>
<p>Owners: ${escapeHtml(process.env.BERTH_OWNERS || "")}</p>
<ul>${repos}</ul>
<p>Your code is in ~/src. To serve your app here, run <code>berth-yield</code>
and start it on port ${port} within a minute.</p></body></html>`;
}

const server = http.createServer((request, response) => {
  if (request.url === "/healthz") {
    response.writeHead(200, { "content-type": "text/plain" });
    response.end("ok\n");
    return;
  }
  response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  response.end(page());
});

server.listen(port);
process.on("SIGTERM", () => server.close(() => process.exit(0)));
