/**
 * How fast `berth serve` answers webhooks: 50 signed deliveries at once,
 * over HTTP, against the GitHub double, several rounds; median and 99th
 * percentile of the time until each answer (target: p99 < 100 ms). The
 * work each delivery queues runs afterwards and is not timed here.
 *
 * `tsx bench/webhook-ack.ts`; BENCH_ROUNDS (default 6) rounds of
 * BENCH_CONCURRENT (default 50) deliveries. Needs no Docker: the pull
 * request changes no environment.
 */
import { spawn } from "node:child_process";
import { text } from "node:stream/consumers";
import { fileURLToPath } from "node:url";
import { createTestRepo } from "../test/support/git-repo.js";
import {
  generateAppKeyPair,
  pullRequestPayload,
  startBerthServe,
  startGitHubDouble,
} from "../test/support/github/index.js";
import { formatTable, type Row } from "./table.js";

const FIXTURE = fileURLToPath(
  new URL("../test/fixtures/repo", import.meta.url),
);
const SENDER = fileURLToPath(new URL("./webhook-sender.ts", import.meta.url));
const SECRET = "bench-secret";
const rounds = Number(process.env.BENCH_ROUNDS ?? 6);
const concurrent = Number(process.env.BENCH_CONCURRENT ?? 50);

/** Runs the benchmark and returns its rows. */
export async function benchWebhookAck(): Promise<Row[]> {
  const repo = createTestRepo(FIXTURE);
  repo.commit("bench");
  const keys = generateAppKeyPair();
  const double = await startGitHubDouble({
    owner: "bench",
    repo: "envs",
    gitDir: repo.dir,
    appId: 1,
    installationId: 2,
    publicKey: keys.publicKey,
  });
  const app = await startBerthServe({
    double,
    privateKey: keys.privateKey,
    webhookSecret: SECRET,
    env: { LOG_LEVEL: "warn", BERTH_LOG_LEVEL: "warn" },
  });
  try {
    repo.write("README.md", "bench\n");
    repo.commit("no environment change");
    const pr = double.openPullRequest({ head: "main", user: "alice" });
    const payload = pullRequestPayload(double, "opened", pr.number);
    const times = await send({
      url: app.webhookUrl,
      secret: SECRET,
      payload,
      rounds,
      concurrent,
    });
    return summarise(times.slice(concurrent));
  } finally {
    await app.stop();
    await double.close();
    repo.dispose();
  }
}

/** Runs the deliveries in a child process and returns their times. */
async function send(order: object): Promise<number[]> {
  const child = spawn(process.execPath, ["--import", "tsx", SENDER], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  child.stdin.end(JSON.stringify(order));
  const output = await text(child.stdout);
  const code = await new Promise((done) => child.on("close", done));
  if (code !== 0) throw new Error(`the webhook sender exited with ${code}`);
  return JSON.parse(output) as number[];
}

function summarise(times: number[]): Row[] {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  const p99 = at(0.99);
  const label = `webhook answer, ${concurrent} at once`;
  return [
    { measure: `${label}: median`, value: `${at(0.5).toFixed(1)} ms` },
    {
      measure: `${label}: p99 (${sorted.length} deliveries)`,
      value: `${p99.toFixed(1)} ms`,
      target: "< 100 ms",
      met: p99 < 100,
    },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${formatTable(await benchWebhookAck())}\n`);
}
