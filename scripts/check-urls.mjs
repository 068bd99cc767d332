// Reads `berth status --json` output and checks that every access URL
// answers, printing one line per URL. Exits 1 when one does not.
import { readFileSync } from "node:fs";

const statuses = JSON.parse(readFileSync(process.argv[2], "utf8"));
let failed = 0;
for (const env of statuses) {
  for (const access of env.access) {
    const answer = await fetch(access.url, {
      signal: AbortSignal.timeout(10_000),
    }).then(
      (response) => `HTTP ${response.status}`,
      (err) => `no answer (${err.message})`,
    );
    if (!answer.startsWith("HTTP 2")) failed++;
    console.log(`${env.name} ${access.name}: ${access.url} -> ${answer}`);
  }
}
process.exit(failed ? 1 : 0);
