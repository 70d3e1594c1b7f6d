/** Forward paging by the hub's cursors, for the lists that have no "previous" (the caseload has its own trail). */
import type { Request } from 'express';

export interface CursorPageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

/** The `after` cursor of the request's query string, or null on the first page. */
export function afterOf(req: Request): string | null {
  return typeof req.query.after === 'string' && req.query.after ? req.query.after : null;
}

/**
 * The "next" and "first page" links of a list at `base` (a path, with its own query string or
 * not): next while the hub says there is more; first once the reader has left the first page.
 * `nextExtra` adds parameters to the next link (e.g. the page number the heading shows).
 */
export function cursorLinks(
  base: string,
  after: string | null,
  pageInfo: CursorPageInfo,
  nextExtra = '',
): { next: string | null; first: string | null } {
  const separator = base.includes('?') ? '&' : '?';
  return {
    next:
      pageInfo.hasNextPage && pageInfo.endCursor
        ? `${base}${separator}after=${encodeURIComponent(pageInfo.endCursor)}${nextExtra}`
        : null,
    first: after ? base : null,
  };
}

/** A copy of a directory list in name order, as every picker shows it. */
export const byName = <T extends { name: string }>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => a.name.localeCompare(b.name));
