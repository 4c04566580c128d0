import { z } from "zod";

/** The API's paging: `page` from 1, `per_page` up to 100 (20 unless asked). */
export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;
/** The deepest page anyone may ask for: deeper offsets cost the database more than they are worth. */
export const MAX_PAGE = 10_000;
/** The page size the core list functions accept at most (contracts: ≤ 50). */
export const CORE_PAGE_SIZE = 50;

export const pagingQuery = z.object({
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  per_page: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(DEFAULT_PER_PAGE),
});
export type Paging = z.infer<typeof pagingQuery>;

export interface PageOf<T> {
  items: T[];
  total: number;
}

/**
 * One API page read through core list functions whose pages are at most 50 long: the (at most
 * three) core pages that cover the window are fetched in order and the window is cut out of them.
 */
export async function readWindow<T>(paging: Paging, readPage: (page: number, pageSize: number) => Promise<PageOf<T>>): Promise<PageOf<T>> {
  const offset = (paging.page - 1) * paging.per_page;
  const first = Math.floor(offset / CORE_PAGE_SIZE) + 1;
  const last = Math.floor((offset + paging.per_page - 1) / CORE_PAGE_SIZE) + 1;
  const items: T[] = [];
  let total = 0;
  for (let page = first; page <= last; page++) {
    const result = await readPage(page, CORE_PAGE_SIZE);
    total = result.total;
    items.push(...result.items);
    if (result.items.length < CORE_PAGE_SIZE) break;
  }
  const start = offset - (first - 1) * CORE_PAGE_SIZE;
  return { items: items.slice(start, start + paging.per_page), total };
}

/** RFC 8288 `Link` header with first/prev/next/last pages, keeping the request's other parameters. */
export function linkHeader(url: URL, paging: Paging, total: number): string {
  const lastPage = Math.max(1, Math.ceil(total / paging.per_page));
  const pageUrl = (page: number) => {
    const next = new URL(url);
    next.searchParams.set("page", String(page));
    next.searchParams.set("per_page", String(paging.per_page));
    return `<${next.toString()}>`;
  };
  const links = [`${pageUrl(1)}; rel="first"`];
  if (paging.page > 1) links.push(`${pageUrl(Math.min(paging.page - 1, lastPage))}; rel="prev"`);
  if (paging.page < lastPage) links.push(`${pageUrl(paging.page + 1)}; rel="next"`);
  links.push(`${pageUrl(lastPage)}; rel="last"`);
  return links.join(", ");
}

/** The `meta` object of every list answer. */
export function pageMeta(paging: Paging, total: number) {
  return { page: paging.page, per_page: paging.per_page, total, total_pages: Math.ceil(total / paging.per_page) };
}
