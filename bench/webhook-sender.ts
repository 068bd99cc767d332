/**
 * The sending side of the webhook benchmark, in its own process so that
 * the GitHub double (whose git reads block its event loop) cannot delay
 * the clock. Reads `{ url, secret, payload, rounds, concurrent }` as JSON
 * on stdin, prints the answer times in milliseconds as JSON.
 */
import { randomUUID } from "node:crypto";
import { text } from "node:stream/consumers";
import { deliver } from "../test/support/github/deliver.js";

interface Order {
  url: string;
  secret: string;
  payload: object;
  rounds: number;
  concurrent: number;
}

const order = JSON.parse(await text(process.stdin)) as Order;
const times: number[] = [];
for (let round = 0; round < order.rounds; round++) {
  const answers = await Promise.all(
    Array.from({ length: order.concurrent }, () =>
      deliver(
        order.url,
        order.secret,
        "pull_request",
        order.payload,
        randomUUID(),
      ),
    ),
  );
  for (const answer of answers) {
    if (answer.status >= 300) {
      throw new Error(`delivery answered ${answer.status}: ${answer.body}`);
    }
    times.push(answer.ms);
  }
}
process.stdout.write(JSON.stringify(times));
