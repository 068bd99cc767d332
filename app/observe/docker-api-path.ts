/**
 * Turns a Docker Engine API path into its template, so that request
 * latency is grouped by endpoint and not by object: IDs and names become
 * `{id}`, image references `{name}`, the query and an API version prefix
 * are dropped. Collections Berth does not use are grouped as `/other`.
 */
const COLLECTIONS = new Set([
  "_ping",
  "build",
  "configs",
  "containers",
  "exec",
  "info",
  "networks",
  "nodes",
  "secrets",
  "services",
  "swarm",
  "system",
  "tasks",
  "version",
  "volumes",
]);

/** Path segments that name an operation, never an object. */
const OPERATIONS = new Set(["create", "json", "prune"]);

const IMAGE_OPERATIONS = ["json", "history", "push", "tag", "get"];

/** The template of `path`, e.g. `/services/{id}/update`. */
export function dockerPathTemplate(path: string): string {
  const bare = path.split("?")[0]!.replace(/^\/v\d+\.\d+(?=\/)/, "");
  const segments = bare.split("/").filter(Boolean);
  const [collection, ...rest] = segments;

  if (collection === undefined) return "/";
  if (collection === "images") return imageTemplate(rest);
  if (!COLLECTIONS.has(collection)) return "/other";

  const templated = rest.map((segment, index) =>
    index === 0 && !OPERATIONS.has(segment) ? "{id}" : segment,
  );
  return `/${[collection, ...templated.map(safeSegment)].join("/")}`;
}

function imageTemplate(rest: string[]): string {
  if (rest.length === 0) return "/images";
  if (rest.length === 1 && ["json", "create", "prune"].includes(rest[0]!)) {
    return `/images/${rest[0]}`;
  }
  const last = rest.at(-1)!;
  return IMAGE_OPERATIONS.includes(last) && rest.length > 1
    ? `/images/{name}/${last}`
    : "/images/{name}";
}

function safeSegment(segment: string): string {
  return /^[a-z_{}]{1,20}$/.test(segment) ? segment : "{id}";
}
