/**
 * Sends a webhook to the app over HTTP, signed as GitHub signs it.
 */
import { randomUUID } from "node:crypto";
import { sign } from "@octokit/webhooks-methods";

/** What the app answered to one delivery. */
export interface DeliveryResult {
  status: number;
  /** Milliseconds from sending until the answer arrived. */
  ms: number;
  delivery: string;
  body: string;
}

/**
 * POSTs `payload` as event `event` to `target` (the app's webhook URL, e.g.
 * `http://127.0.0.1:PORT/api/github/webhooks`). Give `delivery` to
 * redeliver with the same `X-GitHub-Delivery`.
 */
export async function deliver(
  target: string,
  secret: string,
  event: string,
  payload: object,
  delivery: string = randomUUID(),
): Promise<DeliveryResult> {
  const body = JSON.stringify(payload);
  const signature = await sign(secret, body);
  const started = performance.now();
  const response = await fetch(target, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/double",
      "x-github-event": event,
      "x-github-delivery": delivery,
      "x-github-hook-id": "1",
      "x-hub-signature-256": signature,
    },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  return { status: response.status, ms, delivery, body: text };
}
