// Reads `berth status --json` output and checks that every access URL
// answers: an HTTP response for http:// URLs, an accepted connection for
// tcp:// ones. Prints one line per URL; exits 1 when one does not answer.
import { readFileSync } from "node:fs";
import { connect } from "node:net";

const TIMEOUT_MS = 10_000;

function checkHttp(url) {
  return fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) }).then(
    (response) => ({ ok: response.ok, text: `HTTP ${response.status}` }),
    (err) => ({ ok: false, text: `no answer (${err.message})` }),
  );
}

function checkTcp(url) {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.setTimeout(TIMEOUT_MS);
    const finish = (result) => {
      socket.destroy();
      done(result);
    };
    socket.once("connect", () => finish({ ok: true, text: "connected" }));
    socket.once("timeout", () => finish({ ok: false, text: "timed out" }));
    socket.once("error", (err) =>
      finish({ ok: false, text: `no answer (${err.message})` }),
    );
  });
}

const statuses = JSON.parse(readFileSync(process.argv[2], "utf8"));
let failed = 0;
for (const env of statuses) {
  for (const access of env.access) {
    const check = access.url.startsWith("tcp:") ? checkTcp : checkHttp;
    const answer = await check(access.url);
    if (!answer.ok) failed++;
    console.log(`${env.name} ${access.name}: ${access.url} -> ${answer.text}`);
  }
}
process.exit(failed ? 1 : 0);
