import { GeResError } from '../../../../sdk/src/index.js';
import { describeError, type ShownError } from './messages.js';

/**
 * A refusal to show beside the form that caused it (validation, conflict, weak password…); the
 * rest (session ended, forbidden, gateway down) is thrown on to the error filter.
 */
export function formFailure(e: unknown): ShownError {
  if (e instanceof GeResError && e.status !== undefined && [400, 409, 413, 415, 422].includes(e.status)) return describeError(e);
  if (e instanceof GeResError && e.problemName === 'grant-exceeds-own') return describeError(e);
  throw e;
}

export interface Pager {
  page: number;
  pages: number;
  total: number;
  prev?: string;
  next?: string;
}

/** Previous/next links that keep the current filters. */
export function pager(path: string, filters: Record<string, string | undefined>, page: number, pageSize: number, total: number): Pager {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (p: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
    params.set('pagina', String(p));
    return `${path}?${params.toString()}`;
  };
  return { page, pages, total, prev: page > 1 ? link(page - 1) : undefined, next: page < pages ? link(page + 1) : undefined };
}
