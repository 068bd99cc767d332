/**
 * Label keys that Berth puts on the Swarm objects it owns. Only objects
 * carrying `dev.berth.environment` are listed, changed or removed.
 */
export const STACK_NAMESPACE_LABEL = "com.docker.stack.namespace";
export const ENVIRONMENT_LABEL = "dev.berth.environment";
export const SPEC_HASH_LABEL = "dev.berth.spec-hash";
export const COMMIT_LABEL = "dev.berth.commit";
export const OWNERS_LABEL = "dev.berth.owners";
export const PULL_REQUEST_LABEL = "dev.berth.pull-request";
export const EXPIRES_AFTER_LABEL = "dev.berth.expires-after";
/** Access ports that speak raw TCP, not HTTP: comma-separated names. */
export const TCP_ACCESS_LABEL = "dev.berth.tcp-access";
/**
 * Access ports the gateway routes to a service, as `name=port` pairs
 * separated by commas; set only on services joined to the gateway.
 */
export const GATEWAY_ACCESS_LABEL = "dev.berth.gateway-access";
/** What a Berth object that belongs to no environment is for. */
export const COMPONENT_LABEL = "dev.berth.component";
