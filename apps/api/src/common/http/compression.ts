import compressible from 'compressible';
import type { FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import Negotiator from 'negotiator';
import { pipeline, type Readable } from 'node:stream';
import { brotliCompress, constants, createBrotliCompress, createDeflate, createGzip, deflate, gzip } from 'node:zlib';
import vary from 'vary';

const NO_TRANSFORM = /(?:^|,)\s*?no-transform\s*?(?:,|$)/;
const SUPPORTED = ['br', 'gzip', 'deflate', 'identity'];
const PREFERRED = ['br', 'gzip'];
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };

const compressibleTypes = new Map<string, boolean>();

/** mime-db's verdict, remembered per Content-Type value (an API answers with a handful of them). */
function isCompressible(type: string): boolean {
  let known = compressibleTypes.get(type);
  if (known === undefined) {
    known = compressible(type) === true;
    if (compressibleTypes.size < 100) compressibleTypes.set(type, known);
  }
  return known;
}

/**
 * gzip, deflate or brotli by Accept-Encoding, as the `compression` middleware did on Express, decision
 * for decision: compressible types only (mime-db), `Vary: Accept-Encoding` on every such answer, bodies
 * under the threshold, HEAD answers and `Cache-Control: no-transform` left alone, brotli at quality 4,
 * brotli then gzip preferred at equal weight. A Fastify `onSend` hook: whole bodies are compressed off
 * the event loop (zlib's thread pool), streams (files, downloads) through a zlib stream.
 */
export function compressionHook(threshold = 1024): onSendHookHandler {
  return (req: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: Error | null, value?: unknown) => void) => {
    if (payload === null || payload === undefined) return done(null, payload);
    const type = reply.getHeader('content-type');
    if (typeof type !== 'string' || !isCompressible(type)) return done(null, payload);
    const cacheControl = reply.getHeader('cache-control');
    if (typeof cacheControl === 'string' && NO_TRANSFORM.test(cacheControl)) return done(null, payload);
    const varyHeader = reply.getHeader('vary');
    reply.header('vary', varyHeader === undefined ? 'Accept-Encoding' : vary.append(String(varyHeader), 'Accept-Encoding'));

    // The remaining reasons not to compress, cheapest first (each leaves the answer as it is, Vary set).
    if (req.method === 'HEAD' || !req.headers['accept-encoding']) return done(null, payload);
    const existing = reply.getHeader('content-encoding');
    if (existing !== undefined && existing !== 'identity') return done(null, payload);
    const isStream = typeof (payload as Readable).pipe === 'function';
    const length = isStream ? Number(reply.getHeader('content-length')) : Buffer.byteLength(payload as string | Buffer);
    if (length < threshold) return done(null, payload);
    const encoding = new Negotiator(req.raw).encoding(SUPPORTED, { preferred: PREFERRED });
    if (!encoding || encoding === 'identity') return done(null, payload);

    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    if (isStream) {
      const zip = encoding === 'br' ? createBrotliCompress(BROTLI) : encoding === 'gzip' ? createGzip() : createDeflate();
      pipeline(payload as Readable, zip, () => undefined);
      return done(null, zip);
    }
    const input = typeof payload === 'string' ? Buffer.from(payload) : (payload as Buffer);
    const finish = (err: Error | null, out: Buffer) => (err ? done(err) : done(null, out));
    if (encoding === 'br') brotliCompress(input, BROTLI, finish);
    else if (encoding === 'gzip') gzip(input, finish);
    else deflate(input, finish);
  };
}
