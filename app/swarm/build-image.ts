/**
 * Builds an image through the Engine API from a local context directory,
 * streaming the build log and failing with the step that broke.
 */
import type { EngineTransport } from "./engine-transport.js";
import { listContextFiles } from "./build-context.js";
import { BuildOutput } from "./build-output.js";
import { BuildError, DockerApiError } from "./errors.js";
import type { Labels } from "./spec-types.js";
import { timeImageBuild } from "../observe/engine-metrics.js";

const SHOWN_LINES = 20;

export interface BuildImageOptions {
  /** Directory sent to the Engine as the build context. */
  contextDir: string;
  /** Dockerfile path relative to the context; default `Dockerfile`. */
  dockerfile?: string;
  /** Reference to tag the result with, e.g. `berth/web:1a2b3c4d`. */
  ref: string;
  buildArgs?: Record<string, string>;
  labels?: Labels;
  /** Receives each line of the build log as it arrives. */
  onProgress?: (line: string) => void;
}

export interface BuildResult {
  ref: string;
  /** Image ID the Engine reported, when it reported one. */
  imageId?: string;
}

/**
 * Builds `options.ref` with the classic builder.
 * @throws BuildError naming the failing step and its output.
 * @throws DockerUnavailableError when the Engine cannot be reached.
 */
export function buildImage(
  transport: EngineTransport,
  options: BuildImageOptions,
): Promise<BuildResult> {
  return timeImageBuild(() => runBuild(transport, options));
}

async function runBuild(
  transport: EngineTransport,
  options: BuildImageOptions,
): Promise<BuildResult> {
  const dockerfile = options.dockerfile ?? "Dockerfile";
  const files = await contextFiles(options, dockerfile);
  const output = new BuildOutput(options.onProgress);
  const stream = await startBuild(transport, options, dockerfile, files);

  try {
    for await (const chunk of stream) {
      output.push(chunk as Buffer);
    }
    output.end();
  } catch (error) {
    throw transport.translate(error, `build image ${options.ref}`);
  }

  if (output.error !== undefined) {
    throw failedStep(options.ref, output);
  }

  return {
    ref: options.ref,
    ...(output.imageId && { imageId: output.imageId }),
  };
}

async function contextFiles(
  options: BuildImageOptions,
  dockerfile: string,
): Promise<string[]> {
  const { ref, contextDir } = options;
  let files: string[];

  try {
    files = await listContextFiles(contextDir);
  } catch (error) {
    throw new BuildError(
      `Cannot build ${ref}: the build context ${contextDir} cannot be ` +
        "read; check that the template's build directory exists.",
      { ref },
      { cause: error },
    );
  }

  if (!files.includes(dockerfile.replace(/^\.\//, ""))) {
    throw new BuildError(
      `Cannot build ${ref}: ${dockerfile} is not in the build context ` +
        `${contextDir}; add it or fix the Dockerfile path.`,
      { ref },
    );
  }

  return files;
}

async function startBuild(
  transport: EngineTransport,
  options: BuildImageOptions,
  dockerfile: string,
  files: string[],
): Promise<NodeJS.ReadableStream> {
  try {
    return await transport.docker.buildImage(
      { context: options.contextDir, src: files },
      {
        t: options.ref,
        dockerfile,
        buildargs: options.buildArgs ?? {},
        labels: options.labels ?? {},
        rm: true,
        forcerm: true,
      },
    );
  } catch (error) {
    const translated = transport.translate(error, `build ${options.ref}`);

    if (!(translated instanceof DockerApiError)) {
      throw translated;
    }

    throw new BuildError(
      `Building ${options.ref} failed before its first step: ` +
        `${translated.dockerMessage}; fix the Dockerfile or build context.`,
      { ref: options.ref },
      { cause: translated },
    );
  }
}

function failedStep(ref: string, output: BuildOutput): BuildError {
  const where = output.step ? ` at "${output.step}"` : "";
  const shown = output.stepOutput.slice(-SHOWN_LINES);
  const details = shown.map((line) => `\n  | ${line}`).join("");

  return new BuildError(
    `Building ${ref} failed${where}: ${output.error}${details}`,
    {
      ref,
      output: output.stepOutput,
      ...(output.step && { step: output.step }),
    },
  );
}
