import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parse as parseQs } from 'qs';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/**
 * Deeper than any body the API accepts (referrals nest persons → fields, risk assessments items →
 * answers); low enough that no recursive step after JSON.parse (class-transformer, validation)
 * can exhaust the stack.
 */
const MAX_JSON_DEPTH = 32;

/** Keys that would reach an object's prototype when copied or transformed. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// C0 controls except tab, line feed and carriage return (free text keeps its line breaks), DEL and C1.
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Query values and keys are single-line: every control character is refused.
const CONTROL_IN_QUERY = /[\u0000-\u001F\u007F-\u009F]/;

/**
 * The nesting depth of a JSON text, measured on the raw bytes before anything is parsed, so a body
 * of a few kilobytes nested thousands deep costs one linear scan. Brackets inside strings do not count.
 */
export function jsonDepth(buf: Buffer | string, stopAt = Infinity): number {
  const s = typeof buf === 'string' ? buf : buf.toString('latin1');
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAt) return max;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

export interface UnsafeInput {
  field: string;
  message: string;
}

/** The first field holding a control character or a prototype key, or null when the value is safe. */
export function findUnsafeInput(value: unknown, where: 'body' | 'query', path = ''): UnsafeInput | null {
  const control = where === 'query' ? CONTROL_IN_QUERY : CONTROL_IN_TEXT;
  const name = (p: string) => p || where;
  if (typeof value === 'string') {
    return control.test(value) ? { field: name(path), message: `${name(path)} contains a control character` } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findUnsafeInput(value[i], where, path ? `${path}.${i}` : String(i));
      if (hit) return hit;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const field = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) return { field, message: `${field} is not an allowed field` };
    if (CONTROL_IN_QUERY.test(key)) return { field: path || where, message: `${path || where} has a field name with a control character` };
    const hit = findUnsafeInput((value as Record<string, unknown>)[key], where, field);
    if (hit) return hit;
  }
  return null;
}

function validationFailed(hit: UnsafeInput): BadRequestException {
  return new BadRequestException({ code: 'VALIDATION_FAILED', message: `Invalid request: ${hit.field}`, details: [hit] });
}

/**
 * The body limit of Express's JSON and form parsers (body-parser's default, 100 KiB), kept as
 * Fastify's `bodyLimit`: a larger body is answered 413 PAYLOAD_TOO_LARGE, as before.
 */
export const BODY_LIMIT = 100 * 1024;

const malformedJson = () => new BadRequestException({ code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' });
const tooLarge = () => new PayloadTooLargeException({ code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' });
const unsupported = () =>
  new UnsupportedMediaTypeException({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The request body has an unsupported charset or encoding' });
const unreadable = () => new BadRequestException({ code: 'BAD_REQUEST', message: 'The request body could not be read' });

/** body-parser's `inflate`: gzip, deflate and brotli request bodies are decompressed (within the limit), others refused. */
function inflate(req: FastifyRequest, raw: Buffer): Buffer {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity') return raw;
  const decompress = encoding === 'gzip' ? gunzipSync : encoding === 'deflate' ? inflateSync : encoding === 'br' ? brotliDecompressSync : null;
  if (!decompress) throw unsupported();
  try {
    return decompress(raw, { maxOutputLength: BODY_LIMIT + 1 });
  } catch (e) {
    throw (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? tooLarge() : unreadable();
  }
}

/** The body as text in its declared charset (UTF-8 unless said); body-parser refused any charset not `utf-*`. */
function decode(req: FastifyRequest, buf: Buffer): string {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase() ?? 'utf-8';
  if (!charset.startsWith('utf-')) throw unsupported();
  if (charset === 'utf-8') return buf.toString('utf8');
  try {
    return new TextDecoder(charset).decode(buf);
  } catch {
    throw unsupported();
  }
}

/**
 * The JSON body parser, as Express's `json()` was configured: an empty body is `{}`, only an object
 * or array at the top (strict), the nesting depth measured on the raw bytes before JSON.parse builds
 * anything, and fixed error bodies that never quote the input.
 */
export function parseJsonBody(req: FastifyRequest, raw: Buffer): unknown {
  const buf = inflate(req, raw);
  if (buf.length > BODY_LIMIT) throw tooLarge();
  // The answer Express gave (its body parser's error handling dropped the details): 400 VALIDATION_FAILED, "Invalid request: body".
  if (jsonDepth(buf, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw new BadRequestException('Invalid request: body');
  const text = decode(req, buf);
  if (text.length === 0) return {};
  const first = /^[\x20\x09\x0a\x0d]*([^\x20\x09\x0a\x0d])/.exec(text)?.[1];
  if (first !== '{' && first !== '[') throw malformedJson();
  try {
    return JSON.parse(text);
  } catch {
    throw malformedJson();
  }
}

/** The form body parser, as Express's `urlencoded({ extended: false })`: qs with depth 0 and 1000 parameters at most. */
function parseFormBody(req: FastifyRequest, raw: Buffer): unknown {
  const buf = inflate(req, raw);
  if (buf.length > BODY_LIMIT) throw tooLarge();
  const text = decode(req, buf);
  if (!text.length) return {};
  let count = 0;
  let i = -1;
  do {
    if (++count > 1000) throw new PayloadTooLargeException({ code: 'PAYLOAD_TOO_LARGE', message: 'The request body has too many parameters' });
    i = text.indexOf('&', i + 1);
  } while (i !== -1);
  try {
    return parseQs(text, { allowPrototypes: true, arrayLimit: count, depth: 0, parameterLimit: 1000, strictDepth: true, charset: 'utf-8' });
  } catch {
    throw unreadable();
  }
}

/**
 * Replaces Fastify's body parsers by the ones above. Any other content type is left unread with no
 * body, as Express left it (Fastify would answer 415): the route's validation then decides.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    try {
      done(null, parseJsonBody(req, body as Buffer));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (req, body, done) => {
    try {
      done(null, parseFormBody(req, body as Buffer));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
  app.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
}

/**
 * Refuses control characters and prototype keys in the parsed query and body and in the path of
 * every request (a Fastify `preValidation` hook: after the body is parsed, before guards and pipes).
 * Only what is there is looked at: an empty query or absent body costs nothing.
 */
export function refuseUnsafeInput(req: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void): void {
  const query = req.query as Record<string, unknown> | undefined;
  // JSON.parse keeps a literal "__proto__" key as an own property; Object.keys sees it.
  let hit = query && hasKeys(query) ? findUnsafeInput(query, 'query') : null;
  if (!hit && req.body !== undefined && req.body !== null) hit = findUnsafeInput(req.body, 'body');
  if (hit) return done(validationFailed(hit));
  const url = req.url;
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  // Node refuses raw control characters in the request line; only a percent-escape can carry one.
  if (path.includes('%') && CONTROL_IN_QUERY.test(safeDecode(path))) {
    return done(validationFailed({ field: 'path', message: 'path contains a control character' }));
  }
  done();
}

function hasKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

function safeDecode(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}
