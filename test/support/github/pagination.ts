/**
 * GitHub's page-based pagination with `Link` headers.
 */
import type { Reply } from "./github-errors.js";

/**
 * One page of `items` as GitHub serves it: `per_page` (default 30, at most
 * 100) and `page` from the query, a `Link` header pointing at the others.
 * `limit` caps the whole list, as GitHub caps pull request files at 3,000.
 */
export function paginate(
  items: unknown[],
  query: Record<string, string>,
  pageUrl: string,
  limit = Infinity,
): Reply {
  const perPage = Math.min(Math.max(Number(query["per_page"]) || 30, 1), 100);
  const page = Math.max(Number(query["page"]) || 1, 1);
  const all = items.slice(0, limit);
  const last = Math.max(Math.ceil(all.length / perPage), 1);
  const body = all.slice((page - 1) * perPage, page * perPage);
  const link = (n: number, rel: string) => {
    const url = new URL(pageUrl);
    url.searchParams.set("per_page", String(perPage));
    url.searchParams.set("page", String(n));
    return `<${url.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, "prev"), link(1, "first"));
  if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
  const headers: Record<string, string> = {};
  if (links.length > 0) headers["link"] = links.join(", ");
  return { status: 200, body, headers };
}
