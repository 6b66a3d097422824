import type { ErrorBody } from '@schakel/contracts';
import i18n from '../i18n';

/** The api.md error body. */
export type ApiErrorBody = ErrorBody;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
    /** Seconds from a `Retry-After` header (429), when the server sent one. */
    readonly retryAfter?: number,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }
}

type TokenProvider = () => string | null;
let tokenProvider: TokenProvider = () => null;
let onUnauthorized: () => Promise<boolean> = async () => false;

/** The auth layer registers how to get the in-memory access token and how to refresh it. */
export function configureApiClient(opts: { token: TokenProvider; refresh: () => Promise<boolean> }): void {
  tokenProvider = opts.token;
  onUnauthorized = opts.refresh;
}

function retryAfterSeconds(res: Response): number | undefined {
  const value = res.headers.get('Retry-After');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** Typed fetch against `/api`: JSON in and out, bearer token from memory, one silent refresh on 401. */
export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}, retried = false): Promise<T> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set('Accept', 'application/json');
  // Lets the API word validation messages in the user's language, should it support that.
  headers.set('Accept-Language', i18n.language);
  const token = tokenProvider();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let body = rest.body;
  if (json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(json);
  }
  const res = await fetch(path.startsWith('/api') ? path : `/api/v1${path}`, { ...rest, headers, body, credentials: 'same-origin' });
  // Auth endpoints answer 401 for wrong credentials: refreshing there would only hide that answer.
  if (res.status === 401 && !retried && !path.startsWith('/auth/')) {
    if (await onUnauthorized()) return api<T>(path, init, true);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    // A proxy's HTML error page, for instance: keep the status, drop the body.
    data = undefined;
  }
  if (!res.ok) {
    const fallback: ApiErrorBody = { statusCode: res.status, error: res.statusText, message: res.statusText };
    const errorBody = data && typeof data === 'object' ? (data as ApiErrorBody) : fallback;
    throw new ApiError(res.status, errorBody, retryAfterSeconds(res));
  }
  return data as T;
}

/**
 * A file from the API (a PDF, a calendar invitation) as a Blob, with the bearer token and the same
 * single refresh on 401; an error answer is thrown as an ApiError like `api` does.
 */
export async function apiBlob(path: string, retried = false): Promise<{ blob: Blob; filename: string | null }> {
  const headers = new Headers({ 'Accept-Language': i18n.language });
  const token = tokenProvider();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const res = await fetch(path.startsWith('/api') ? path : `/api/v1${path}`, { headers, credentials: 'same-origin' });
  if (res.status === 401 && !retried) {
    if (await onUnauthorized()) return apiBlob(path, true);
  }
  if (!res.ok) {
    let errorBody: ApiErrorBody = { statusCode: res.status, error: res.statusText, message: res.statusText };
    try {
      const data: unknown = await res.json();
      if (data && typeof data === 'object') errorBody = data as ApiErrorBody;
    } catch {
      // Not JSON: keep the status.
    }
    throw new ApiError(res.status, errorBody, retryAfterSeconds(res));
  }
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? null;
  return { blob: await res.blob(), filename };
}
