import { BadRequestException, HttpException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Deeper than any body the API accepts (referrals nest persons → fields, risk assessments items →
 * answers); low enough that no recursive step after JSON.parse (class-transformer, validation)
 * can exhaust the stack.
 */
export const MAX_JSON_DEPTH = 32;

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
      if (c === 0x5c) i++; // backslash: skip the escaped character
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

export interface UnsafeInput { field: string; message: string }

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

export function validationFailed(hit: UnsafeInput): BadRequestException {
  return new BadRequestException({ code: 'VALIDATION_FAILED', message: `Invalid request: ${hit.field}`, details: [hit] });
}

/**
 * body-parser `verify` hook: runs on the raw bytes before JSON.parse. The error's `status` makes
 * body-parser pass it on as a 400 rather than its default 403.
 */
export function verifyJsonDepth(_req: unknown, _res: unknown, buf: Buffer): void {
  if (jsonDepth(buf, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    const e = validationFailed({ field: 'body', message: `body is nested deeper than ${MAX_JSON_DEPTH} levels` });
    Object.assign(e, { status: 400, expose: true });
    throw e;
  }
}

/** Refuses control characters and prototype keys in the parsed body and query of every request. */
export function refuseUnsafeInput(req: Request, _res: Response, next: NextFunction): void {
  // JSON.parse keeps a literal "__proto__" key as an own property; Object.keys sees it.
  const hit = findUnsafeInput(req.query, 'query') ?? findUnsafeInput(req.body, 'body');
  if (hit) return next(validationFailed(hit));
  if (CONTROL_IN_QUERY.test(safeDecode(req.path))) {
    return next(validationFailed({ field: 'path', message: 'path contains a control character' }));
  }
  next();
}

function safeDecode(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

/**
 * Express error middleware right after the body parsers: their errors become the API's error body
 * with a fixed message (body-parser's own messages quote the body they could not parse).
 */
export function bodyParserErrors(err: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const type = (err as { type?: string } | null)?.type;
  if (err instanceof HttpException || typeof type !== 'string') return next(err);
  if (type === 'entity.parse.failed') {
    return next(new BadRequestException({ code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' }));
  }
  if (type === 'entity.too.large') {
    return next(new PayloadTooLargeException({ code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' }));
  }
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return next(new UnsupportedMediaTypeException({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The request body has an unsupported charset or encoding' }));
  }
  next(new BadRequestException({ code: 'BAD_REQUEST', message: 'The request body could not be read' }));
}
