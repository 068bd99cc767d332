/** Polls a URL until it answers HTTP 200. */
import { setTimeout as sleep } from "node:timers/promises";

const POLL_MS = 50;

/** Resolves once `url` answers 200; throws after `timeoutMs`. */
export async function waitForUrl(
  url: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(POLL_MS);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms: ${last}`);
}
