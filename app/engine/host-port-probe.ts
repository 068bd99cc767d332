/**
 * Finds host ports that something outside Swarm already listens on, so
 * that Berth does not publish an environment on a port its tasks could
 * never bind. Only meaningful when the Docker Engine runs on this host.
 */
import { createServer } from "node:net";

/** Returns the ports of `ports` that are in use on this host. */
export type HostPortProbe = (ports: readonly number[]) => Promise<number[]>;

/** Probes by listening on each port for an instant. */
export const probeLocalPorts: HostPortProbe = async (ports) => {
  const busy = await Promise.all(ports.map(isListenedOn));
  return ports.filter((_, index) => busy[index]);
};

/** A probe for engines on other hosts, where this one cannot tell. */
export const probeNothing: HostPortProbe = async () => [];

/** The probe that fits the Docker Engine `dockerHost` names. */
export function probeFor(dockerHost = process.env.DOCKER_HOST): HostPortProbe {
  const local = !dockerHost || dockerHost.startsWith("unix://");
  return local ? probeLocalPorts : probeNothing;
}

function isListenedOn(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", (err: NodeJS.ErrnoException) =>
      resolve(err.code === "EADDRINUSE"),
    );
    server.listen({ port, host: "0.0.0.0", exclusive: true }, () =>
      server.close(() => resolve(false)),
    );
  });
}
