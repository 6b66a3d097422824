import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import helmet from 'helmet';

/** The Content-Security-Policy the API and the SPA are served with. */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  styleSrc: ["'self'", "'unsafe-inline'"],
  scriptSrc: ["'self'"],
  connectSrc: ["'self'"],
};

/**
 * The headers helmet sets with our options, worked out once: helmet is run at boot against a recorder,
 * so the names and values stay exactly helmet's (and follow its upgrades). Every one of them is static
 * (no CSP nonce), so one middleware setting a fixed list replaces helmet's chain of 13 (issue 14).
 * Helmet's only removal, X-Powered-By, has nothing to remove: Fastify never sets it.
 */
function helmetHeaders(): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  let removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => void headers.push([name, String(value)]),
    removeHeader: (name: string) => void (removed = [...removed, name]),
  };
  let failed: unknown;
  helmet({ contentSecurityPolicy: { directives: CSP_DIRECTIVES } })({} as never, recorder as never, (e?: unknown) => (failed = e));
  if (failed) throw failed instanceof Error ? failed : new Error(String(failed));
  // Anything helmet would remove other than X-Powered-By is a change this middleware does not follow.
  const unexpected = removed.filter((n) => n.toLowerCase() !== 'x-powered-by');
  if (unexpected.length) throw new Error(`helmet removes headers the security-header middleware does not: ${unexpected.join(', ')}`);
  return headers;
}

/**
 * Sets helmet's headers on every answer, and `Cache-Control: no-store` on API answers (they carry
 * identities and case content: no browser or proxy may keep them). A Fastify `onRequest` hook that
 * sets them on the Node response, so they come first, as Express's middleware wrote them, and also
 * reach answers written without the reply (a client error, a not-found).
 */
export function securityHeaders(): onRequestHookHandler {
  const headers = helmetHeaders();
  return (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const res = reply.raw;
    for (let i = 0; i < headers.length; i++) res.setHeader(headers[i]![0], headers[i]![1]);
    if (req.url.startsWith('/api')) res.setHeader('Cache-Control', 'no-store');
    done();
  };
}
