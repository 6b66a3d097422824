// List endpoints accept ?limit= (api.md conventions); out-of-range values are clamped rather
// than rejected so that a client asking for "everything" still gets a page.

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;
export const MIN_PAGE_LIMIT = 1;

export function clampLimit(limit?: number): number {
  if (limit === undefined || limit === null || Number.isNaN(limit)) return DEFAULT_PAGE_LIMIT;
  const whole = Math.floor(limit);
  return Math.min(MAX_PAGE_LIMIT, Math.max(MIN_PAGE_LIMIT, whole));
}
