/**
 * Reads a file inside a running container of a Swarm service through the
 * Engine's exec endpoint. Swarm never hands a secret's content back
 * through its API; a container that mounts the secret can.
 */
import { PassThrough } from "node:stream";
import type { EngineTransport } from "./engine-transport.js";
import { NotFoundError } from "./errors.js";

interface ContainerSummary {
  Id: string;
}

/**
 * Returns the content of `path` in a running container of `service` on
 * this engine.
 * @throws NotFoundError when no container of the service runs here.
 */
export async function readServiceFile(
  transport: EngineTransport,
  service: string,
  path: string,
): Promise<string> {
  const action = `read ${path} in ${service}`;
  const containers = await transport.request<ContainerSummary[]>(
    "GET",
    "/containers/json",
    action,
    {
      query: {
        filters: {
          label: [`com.docker.swarm.service.name=${service}`],
          status: ["running"],
        },
      },
    },
  );
  const id = containers[0]?.Id;
  if (!id) {
    throw new NotFoundError(
      `No container of ${service} runs on ${transport.endpoint}; run ` +
        "this command against the Docker Engine of the node that runs it.",
      404,
      "no such container",
    );
  }
  try {
    return await execCat(transport, id, path);
  } catch (error) {
    throw transport.translate(error, action);
  }
}

async function execCat(
  transport: EngineTransport,
  id: string,
  path: string,
): Promise<string> {
  const exec = await transport.docker.getContainer(id).exec({
    Cmd: ["cat", "--", path],
    AttachStdout: true,
    AttachStderr: true,
  });
  const stream = await exec.start({ hijack: true, stdin: false });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on("data", (chunk: Buffer) => out.push(chunk));
  stderr.on("data", (chunk: Buffer) => err.push(chunk));
  transport.docker.modem.demuxStream(stream, stdout, stderr);
  await new Promise<void>((done, fail) => {
    stream.on("end", () => done());
    stream.on("error", fail);
  });
  const inspected = await exec.inspect();
  if (inspected.ExitCode !== 0) {
    throw new NotFoundError(
      `Cannot read ${path}: ${Buffer.concat(err).toString().trim()}`,
      404,
      "no such file",
    );
  }
  return Buffer.concat(out).toString("utf8");
}
