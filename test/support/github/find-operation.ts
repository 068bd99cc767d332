/**
 * Finds the operation of the REST description that a method and a request
 * path belong to, and the path parameters it carries.
 */
import { restDescription, type Operation } from "./openapi-description.js";

/** The operation a request addresses, with its decoded path parameters. */
export interface MatchedOperation {
  method: string;
  template: string;
  operation: Operation;
  params: Record<string, string>;
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  names: string[];
  literals: number;
  operation: Operation;
}

/** Parameters that GitHub lets span several path segments. */
const GREEDY = new Set(["path", "ref", "basehead"]);

let routes: Route[] | undefined;

function compile(template: string): Omit<Route, "method" | "operation"> {
  const names: string[] = [];
  const segments = template.split("/").map((segment) =>
    segment.replace(/\{([^}]+)\}|[^{]+/g, (part, name?: string) => {
      if (!name) return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
      names.push(name);
      return GREEDY.has(name) ? "(.+)" : "([^/]+)";
    }),
  );
  const literals = template.split("/").filter((s) => !s.includes("{"));
  return {
    template,
    pattern: new RegExp(`^${segments.join("/")}$`),
    names,
    literals: literals.length,
  };
}

function allRoutes(): Route[] {
  if (routes) return routes;
  const list: Route[] = [];
  for (const [template, methods] of Object.entries(restDescription().paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!operation?.operationId) continue;
      list.push({ ...compile(template), method, operation });
    }
  }
  list.sort(
    (a, b) => b.literals - a.literals || a.names.length - b.names.length,
  );
  routes = list;
  return list;
}

/**
 * The operation for `method` and `path` (without `/api/v3`), or undefined
 * when GitHub has no such endpoint.
 */
export function findOperation(
  method: string,
  path: string,
): MatchedOperation | undefined {
  const wanted = method.toLowerCase();
  for (const route of allRoutes()) {
    if (route.method !== wanted) continue;
    const found = route.pattern.exec(path);
    if (!found) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => {
      params[name] = decodeURIComponent(found[i + 1] ?? "");
    });
    return {
      method: wanted,
      template: route.template,
      operation: route.operation,
      params,
    };
  }
  return undefined;
}

/** Whether any method exists for the path (to tell 404 from 405). */
export function pathExists(path: string): boolean {
  return allRoutes().some((route) => route.pattern.test(path));
}
