/**
 * Progress of long steps (image builds, waiting for tasks): a live bar on a
 * terminal, plain lines elsewhere so CI logs stay readable.
 */
import cliProgress from "cli-progress";

export interface Progress {
  buildLine(image: string, line: string): void;
  waiting(env: string, running: number, wanted: number): void;
  stop(): void;
}

export function createProgress(stream = process.stderr): Progress {
  return stream.isTTY ? terminalProgress(stream) : plainProgress(stream);
}

function plainProgress(stream: NodeJS.WriteStream): Progress {
  const last = new Map<string, string>();
  return {
    buildLine(image, line) {
      if (/^Step \d+\/\d+/.test(line))
        stream.write(`build ${image}: ${line}\n`);
    },
    waiting(env, running, wanted) {
      const text = `${running}/${wanted}`;
      if (last.get(env) === text) return;
      last.set(env, text);
      stream.write(`${env}: ${text} tasks running\n`);
    },
    stop() {},
  };
}

function terminalProgress(stream: NodeJS.WriteStream): Progress {
  const bars = new cliProgress.MultiBar(
    {
      stream,
      format: " {env} [{bar}] {value}/{total} tasks running",
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const byEnv = new Map<string, cliProgress.SingleBar>();
  return {
    buildLine(image, line) {
      if (/^Step \d+\/\d+/.test(line)) bars.log(`build ${image}: ${line}\n`);
    },
    waiting(env, running, wanted) {
      const bar = byEnv.get(env) ?? bars.create(wanted, 0, { env });
      byEnv.set(env, bar);
      bar.setTotal(wanted);
      bar.update(running, { env });
    },
    stop() {
      bars.stop();
    },
  };
}
