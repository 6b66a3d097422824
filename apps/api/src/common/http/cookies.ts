import { parse, serialize, type SerializeOptions } from 'cookie';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** The options of a cookie the API sets; `maxAge` in milliseconds, as Express's `res.cookie` took it. */
export interface CookieOptions {
  httpOnly?: boolean;
  sameSite?: 'strict' | 'lax' | 'none';
  secure?: boolean;
  path?: string;
  maxAge?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's cookies, parsed on first read (most requests never read them). */
    readonly cookies: Record<string, string | undefined>;
  }
}

const PARSED = Symbol('cookies');

/**
 * `request.cookies`, parsed from the Cookie header the first time a handler reads it: no hook runs
 * for the requests (nearly all) that never look, and a request without the header costs nothing.
 */
export function decorateRequestCookies(app: FastifyInstance): void {
  app.decorateRequest('cookies', {
    getter(this: { headers: Record<string, string | string[] | undefined>; [PARSED]?: Record<string, string | undefined> }) {
      if (this[PARSED]) return this[PARSED];
      const header = this.headers.cookie;
      return (this[PARSED] = typeof header === 'string' && header ? parse(header) : {});
    },
  });
}

/**
 * Appends a Set-Cookie header exactly as Express's `res.cookie` wrote it (the same `cookie`
 * serializer, `Max-Age` in seconds plus `Expires`, `Path=/` unless given), so the move to Fastify
 * changes no byte of it.
 */
export function setCookie(reply: FastifyReply, name: string, value: string, options: CookieOptions = {}): void {
  const opts: SerializeOptions = { ...options };
  if (options.maxAge != null) {
    opts.expires = new Date(Date.now() + options.maxAge);
    opts.maxAge = Math.floor(options.maxAge / 1000);
  }
  if (opts.path == null) opts.path = '/';
  reply.header('set-cookie', serialize(name, value, opts));
}

/** Express's `res.clearCookie`: an empty value that expired at the epoch's first millisecond. */
export function clearCookie(reply: FastifyReply, name: string, options: Omit<CookieOptions, 'maxAge'> = {}): void {
  const opts: SerializeOptions = { path: '/', ...options, expires: new Date(1) };
  reply.header('set-cookie', serialize(name, '', opts));
}
