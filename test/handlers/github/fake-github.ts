/**
 * GitHub's API for handler tests, injected into Probot as its `fetch`
 * (Probot's documented alternative to nock, which needs Node.js 22 for
 * native fetch). Each route answers once unless told otherwise; a request
 * without a route, or a route never used, fails the test.
 */
type Handler = (body: unknown) => { status: number; body?: unknown };

interface Route {
  method: string;
  path: string;
  handler: Handler;
  times: number;
}

export class FakeGitHub {
  readonly routes: Route[] = [];
  readonly unmatched: string[] = [];

  /** Answers `times` requests of `method path` with `handler`. */
  on(method: string, path: string, handler: Handler, times = 1): this {
    this.routes.push({ method, path, handler, times });
    return this;
  }

  /** Routes that were expected but never requested. */
  pending(): string[] {
    return this.routes
      .filter((r) => r.times > 0)
      .map((r) => `${r.method} ${r.path}`);
  }

  readonly fetch = async (
    input: string | URL | Request,
    init?: RequestInit,
  ): Promise<Response> => {
    const url = new URL(typeof input === "string" ? input : input.toString());
    const method = (init?.method ?? "GET").toUpperCase();
    const path = decodeURIComponent(url.pathname);
    const route = this.routes.find(
      (r) => r.times > 0 && r.method === method && r.path === path,
    );
    if (!route) {
      this.unmatched.push(`${method} ${path}`);
      return json(500, { message: `no fake route for ${method} ${path}` });
    }
    route.times -= 1;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    const answer = route.handler(body);
    return json(answer.status, answer.body ?? {});
  };
}

function json(status: number, body: unknown): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });
}
