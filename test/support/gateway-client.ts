/**
 * Talks to the gateway as browsers and tools do, over real HTTP and TCP:
 * requests with any Host header and an unnormalised path, and a WebSocket
 * client that sends masked text frames and reads the echoed ones.
 */
import { request } from "node:http";
import { connect, type Socket } from "node:net";
import { randomBytes } from "node:crypto";

export interface GatewayResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request to 127.0.0.1:`port`, path sent exactly as given. */
export function gatewayGet(
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<GatewayResponse> {
  return new Promise((done, fail) => {
    const call = request(
      { host: "127.0.0.1", port, path, headers, timeout: 5_000 },
      (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () =>
          done({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body,
          }),
        );
      },
    );
    call.on("timeout", () => call.destroy(new Error("request timed out")));
    call.on("error", fail);
    call.end();
  });
}

/** Polls until `path` answers `status`; returns the milliseconds taken. */
export async function waitForStatus(
  port: number,
  path: string,
  headers: Record<string, string>,
  status: number,
  timeoutMs = 30_000,
): Promise<number> {
  const started = Date.now();
  let last = "no answer";
  while (Date.now() - started < timeoutMs) {
    try {
      const response = await gatewayGet(port, path, headers);
      if (response.status === status) return Date.now() - started;
      last = `HTTP ${response.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((wake) => setTimeout(wake, 100));
  }
  throw new Error(`${path} did not answer ${status}: ${last}`);
}

/** An open WebSocket connection through the gateway. */
export interface EchoSocket {
  /** Sends `text` and resolves with the next text frame received. */
  echo(text: string): Promise<string>;
  close(): void;
}

/** Opens a WebSocket connection; rejects unless the answer is 101. */
export function openWebSocket(
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<EchoSocket> {
  const socket = connect(port, "127.0.0.1");
  const lines = [
    `GET ${path} HTTP/1.1`,
    "Upgrade: websocket",
    "Connection: Upgrade",
    `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}`,
    "Sec-WebSocket-Version: 13",
    ...Object.entries(headers).map(([key, value]) => `${key}: ${value}`),
  ];
  socket.write(`${lines.join("\r\n")}\r\n\r\n`);
  return new Promise((done, fail) => {
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf("\r\n\r\n");
      if (end < 0) return;
      socket.off("data", onData);
      const status = head.subarray(0, end).toString().split(" ")[1];
      if (status !== "101") {
        socket.destroy();
        fail(new Error(`upgrade answered ${status}`));
        return;
      }
      done(echoSocket(socket, head.subarray(end + 4)));
    };
    socket.on("data", onData);
    socket.on("error", fail);
  });
}

function echoSocket(socket: Socket, rest: Buffer): EchoSocket {
  let pending = rest;
  const waiting: ((text: string) => void)[] = [];
  const read = () => {
    while (pending.length >= 2 && waiting.length > 0) {
      const length = pending[1]! & 0x7f;
      if (length > 125) throw new Error("test frames stay under 126 bytes");
      if (pending.length < 2 + length) return;
      const text = pending.subarray(2, 2 + length).toString();
      pending = pending.subarray(2 + length);
      waiting.shift()!(text);
    }
  };
  socket.on("data", (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    read();
  });
  return {
    echo(text) {
      const payload = Buffer.from(text);
      const mask = randomBytes(4);
      const masked = payload.map((byte, i) => byte ^ mask[i % 4]!);
      const header = Buffer.from([0x81, 0x80 | payload.length]);
      const reply = new Promise<string>((done, fail) => {
        waiting.push(done);
        socket.once("close", () => fail(new Error("connection closed")));
      });
      socket.write(Buffer.concat([header, mask, masked]));
      read();
      return reply;
    },
    close() {
      socket.destroy();
    },
  };
}
