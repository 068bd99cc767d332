/**
 * Reads the classic builder's progress stream: JSON messages, one a line,
 * whose `stream` text holds the build log. Keeps the current Dockerfile
 * step and its output so that a failure can name both.
 */

const STEP_LINE = /^Step \d+\/\d+ : /;
const KEPT_LINES = 200;
const IMAGE_ID = /^Successfully built ([0-9a-f]+)$/;

interface BuildMessage {
  stream?: string;
  status?: string;
  error?: string;
  errorDetail?: { message?: string };
  aux?: { ID?: string };
}

/** Collects a build's log lines, its current step and its outcome. */
export class BuildOutput {
  step: string | undefined;
  stepOutput: string[] = [];
  error: string | undefined;
  imageId: string | undefined;
  #pending = "";
  readonly #onLine: (line: string) => void;

  constructor(onLine: (line: string) => void = () => {}) {
    this.#onLine = onLine;
  }

  /** Feeds a chunk of the response body; chunks may split messages. */
  push(chunk: Buffer | string): void {
    const lines = (this.#pending + chunk.toString()).split("\n");
    this.#pending = lines.pop() ?? "";
    lines.forEach((line) => this.#readMessage(line));
  }

  /** Reads what is left once the response has ended. */
  end(): void {
    this.#readMessage(this.#pending);
    this.#pending = "";
  }

  #readMessage(text: string): void {
    if (text.trim() === "") {
      return;
    }

    const message = parseMessage(text);

    if (message.error !== undefined || message.errorDetail) {
      this.error = message.errorDetail?.message ?? message.error ?? "";
      this.#onLine(this.error.trimEnd());
      return;
    }

    if (message.aux?.ID) {
      this.imageId = message.aux.ID;
    }

    const body = message.stream ?? message.status ?? "";
    body.split(/\r?\n/).forEach((line) => this.#addLine(line));
  }

  #addLine(raw: string): void {
    const line = raw.trimEnd();

    if (line.trim() === "") {
      return;
    }

    if (STEP_LINE.test(line)) {
      this.step = line;
      this.stepOutput = [];
    } else {
      this.#keep(line);
    }

    this.imageId = IMAGE_ID.exec(line)?.[1] ?? this.imageId;
    this.#onLine(line);
  }

  #keep(line: string): void {
    this.stepOutput.push(line);

    if (this.stepOutput.length > KEPT_LINES) {
      this.stepOutput.shift();
    }
  }
}

function parseMessage(text: string): BuildMessage {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null
      ? (parsed as BuildMessage)
      : { stream: text };
  } catch {
    return { stream: text };
  }
}
