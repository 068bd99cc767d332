/**
 * The Swarm objects of the gateway, in the Engine API's shape: a shared
 * attachable network, the nginx service published in host mode, and the
 * auth service. Pure.
 *
 * Why environments join the gateway's network rather than the gateway
 * joining theirs: Swarm applies a change of a service's networks by
 * replacing its task, so a gateway that joined each new environment's
 * network would restart, and drop every open connection (WebSockets,
 * SSH-over-HTTP, long downloads) to all other environments, each time an
 * environment is created. An environment's access services joining one
 * shared network at their own creation restarts nothing else.
 */
// TODO: access services of different environments can reach each other
// on the shared network without passing the gateway; isolating them
// needs a network per environment that the gateway joins without a
// restart, which Swarm services cannot do today.
import { canonicalJson, hashOf } from "../render/canonical-json.js";
import { COMPONENT_LABEL, SPEC_HASH_LABEL } from "../swarm/labels.js";
import type {
  NetworkCreateRequest,
  SecretReference,
  ServiceSpec,
} from "../swarm/spec-types.js";
import type { GatewaySettings } from "./gateway-settings.js";
import type { GatewayAddress } from "./route-target.js";

/** Gateway settings that `berth status` needs to print URLs. */
export const GATEWAY_ADDRESS_LABEL = "dev.berth.gateway-address";

/** Labels of every object of the gateway. */
export function gatewayLabels(): Record<string, string> {
  return { [COMPONENT_LABEL]: "gateway" };
}

/** Name of the auth service of gateway `name`. */
export function authServiceName(name: string): string {
  return `${name}-auth`;
}

/** The shared network that environments' access services join. */
export function gatewayNetworkSpec(name: string): NetworkCreateRequest {
  return {
    Name: name,
    Driver: "overlay",
    Attachable: true,
    Labels: gatewayLabels(),
  };
}

export interface NginxServiceInput {
  settings: GatewaySettings;
  image: string;
  /** Name of the Swarm config holding `nginx.conf`. */
  configName: string;
  /** Certificate and key from settings, when given. */
  tls?: { cert: SecretReference; key: SecretReference };
}

/** The nginx service, published in host mode on the HTTP(S) ports. */
export function nginxServiceSpec(input: NginxServiceInput): ServiceSpec {
  const { settings } = input;
  const address: GatewayAddress = {
    domain: settings.domain,
    tls: settings.tls,
    httpPort: settings.httpPort,
    httpsPort: settings.httpsPort,
  };
  return withHash({
    Name: settings.name,
    Labels: {
      ...gatewayLabels(),
      [GATEWAY_ADDRESS_LABEL]: canonicalJson(address),
    },
    TaskTemplate: {
      ContainerSpec: {
        Image: input.image,
        Env: [`BERTH_GATEWAY_DOMAIN=${settings.domain}`],
        Configs: [
          {
            File: {
              Name: "/etc/nginx/nginx.conf",
              UID: "0",
              GID: "0",
              Mode: 0o444,
            },
            ConfigID: "",
            ConfigName: input.configName,
          },
        ],
        ...(input.tls ? { Secrets: [input.tls.cert, input.tls.key] } : {}),
        Mounts: [
          {
            Type: "volume",
            Source: `${settings.name}_tls`,
            Target: "/etc/nginx/berth-tls",
            VolumeOptions: { Labels: gatewayLabels() },
          },
        ],
        Init: true,
      },
      Networks: [{ Target: settings.name }],
      Placement: { Constraints: ["node.role == manager"] },
      RestartPolicy: { Condition: "any", Delay: 1_000_000_000 },
    },
    Mode: { Replicated: { Replicas: 1 } },
    EndpointSpec: {
      Mode: "dnsrr",
      Ports: [
        hostPort("http", 80, settings.httpPort),
        hostPort("https", 443, settings.httpsPort),
      ],
    },
  });
}

export interface AuthServiceInput {
  name: string;
  domain: string;
  image: string;
  /** Name of the Swarm config holding the routes. */
  routesConfig: string;
  /** Access-token secrets of the environments, mounted by name. */
  tokens: SecretReference[];
}

/**
 * The auth service. Updated whenever an environment gets or loses its
 * routes or token; started before the old task stops, so nginx always
 * finds one.
 */
export function authServiceSpec(input: AuthServiceInput): ServiceSpec {
  return withHash({
    Name: authServiceName(input.name),
    Labels: gatewayLabels(),
    TaskTemplate: {
      ContainerSpec: {
        Image: input.image,
        Command: ["node", "/opt/berth/auth-server.mjs"],
        Env: [`BERTH_GATEWAY_DOMAIN=${input.domain}`],
        Configs: [
          {
            File: {
              Name: "/etc/berth/routes.json",
              UID: "0",
              GID: "0",
              Mode: 0o444,
            },
            ConfigID: "",
            ConfigName: input.routesConfig,
          },
        ],
        Secrets: [...input.tokens].sort((a, b) =>
          a.SecretName < b.SecretName ? -1 : 1,
        ),
        Init: true,
      },
      Networks: [{ Target: input.name }],
      Placement: { Constraints: ["node.role == manager"] },
      RestartPolicy: { Condition: "any", Delay: 1_000_000_000 },
    },
    Mode: { Replicated: { Replicas: 1 } },
    UpdateConfig: { Parallelism: 1, Order: "start-first" },
    EndpointSpec: { Mode: "dnsrr" },
  });
}

/** A secret mounted as `/run/secrets/<file>`, readable by root only. */
export function secretFile(
  file: string,
  id: string,
  name: string,
): SecretReference {
  return {
    File: { Name: file, UID: "0", GID: "0", Mode: 0o400 },
    SecretID: id,
    SecretName: name,
  };
}

function hostPort(name: string, target: number, published: number) {
  return {
    Name: name,
    Protocol: "tcp" as const,
    TargetPort: target,
    PublishedPort: published,
    PublishMode: "host" as const,
  };
}

/** Labels the spec with its own hash, so an unchanged spec is left alone. */
function withHash(spec: ServiceSpec): ServiceSpec {
  const hash = hashOf(spec);
  return { ...spec, Labels: { ...spec.Labels, [SPEC_HASH_LABEL]: hash } };
}
