/** The api.md error body. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details?: { field: string; message: string }[];
  [extra: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly body: ApiErrorBody) {
    super(body.message);
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

/** Typed fetch against `/api`: JSON in and out, bearer token from memory, one silent refresh on 401. */
export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}, retried = false): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  const token = tokenProvider();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(init.json);
  }
  const res = await fetch(path.startsWith('/api') ? path : `/api/v1${path}`, { ...init, headers, body, credentials: 'same-origin' });
  if (res.status === 401 && !retried && !path.startsWith('/auth/')) {
    if (await onUnauthorized()) return api<T>(path, init, true);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new ApiError(res.status, data ?? { statusCode: res.status, error: res.statusText, message: res.statusText });
  return data as T;
}
