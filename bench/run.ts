/**
 * `npm run bench`: Berth's speed on this machine, as one Markdown table on
 * stdout. Each Swarm figure is compared with the docker command line or
 * with Berth itself in the same run, since shared machines are too noisy
 * for absolute times. Every object the bench makes is named `bn-...` and
 * removed at the end, also after a failure.
 *
 * Environment: BENCH_RUNS (alternating apply runs, default 5),
 * BENCH_IDLE (idle environments of the no-op plan, default 1000),
 * BENCH_MANY (environments of the concurrency section, default 20),
 * BENCH_REQUESTS (requests of the gateway section, default 2000),
 * BENCH_ROUNDS and BENCH_CONCURRENT (webhook deliveries: rounds of 50
 * at once, default 6).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Locks of the bench's environments live apart from a real Berth's.
const stateDir = mkdtempSync(join(tmpdir(), "berth-bench-state-"));
process.env.BERTH_STATE_DIR = stateDir;

const { SwarmClient } = await import("../app/swarm/swarm-client.js");
const { benchApplyVsStack } = await import("./apply-vs-stack.js");
const { createBenchRepo } = await import("./bench-repo.js");
const { benchConcurrency } = await import("./concurrency.js");
const { benchNoopPlan } = await import("./noop-plan.js");
const { removeBenchObjects } = await import("./remove-bench-objects.js");
const { formatTable } = await import("./table.js");
const { benchValidate } = await import("./validate-bench.js");
const { benchWebhookAck } = await import("./webhook-ack.js");
const { benchGateway } = await import("./gateway.js");

const count = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a whole number above 0, not ${value}`);
  }
  return value;
};

const swarm = new SwarmClient();
await swarm.ping();
const repo = await createBenchRepo();
const rows = [];
const section = (name: string) => process.stderr.write(`bench: ${name}\n`);
try {
  await removeBenchObjects(swarm);
  section("validate");
  rows.push(...(await benchValidate(1000)));
  section("apply against docker stack deploy");
  rows.push(...(await benchApplyVsStack(swarm, repo, count("BENCH_RUNS", 5))));
  section("no-op plan");
  rows.push(...(await benchNoopPlan(swarm, repo, count("BENCH_IDLE", 1000))));
  section("concurrency");
  rows.push(...(await benchConcurrency(swarm, repo, count("BENCH_MANY", 20))));
  section("gateway");
  rows.push(
    ...(await benchGateway(swarm, repo, count("BENCH_REQUESTS", 2000))),
  );
  section("webhook answers");
  rows.push(...(await benchWebhookAck()));
} finally {
  await removeBenchObjects(swarm);
  await repo.dispose();
  rmSync(stateDir, { recursive: true, force: true });
}
process.stdout.write(`${formatTable(rows)}\n`);
const missed = rows.filter((row) => row.met === false);
if (missed.length > 0) {
  process.stderr.write(`bench: ${missed.length} targets missed\n`);
  process.exitCode = 1;
}
