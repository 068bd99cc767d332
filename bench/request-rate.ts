/** Requests per second against one URL, several requests at a time. */
import { request } from "node:http";
import { performance } from "node:perf_hooks";

export interface RateTarget {
  port: number;
  path: string;
  headers: Record<string, string>;
}

/**
 * Sends `count` GET requests to 127.0.0.1, `parallel` at a time, and
 * returns requests per second.
 * @throws Error on the first answer that is not 200.
 */
export async function requestRate(
  target: RateTarget,
  count: number,
  parallel: number,
): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      await getOnce(target);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: parallel }, worker));
  return count / ((performance.now() - started) / 1000);
}

function getOnce(target: RateTarget): Promise<void> {
  return new Promise((done, fail) => {
    const call = request(
      { host: "127.0.0.1", ...target, agent: false },
      (response) => {
        response.resume();
        response.on("end", () =>
          response.statusCode === 200
            ? done()
            : fail(new Error(`${target.path} answered ${response.statusCode}`)),
        );
      },
    );
    call.on("error", fail);
    call.end();
  });
}
