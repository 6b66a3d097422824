import type { HttpException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { gzipSync } from 'node:zlib';
import { BODY_LIMIT, findUnsafeInput, jsonDepth, parseJsonBody } from './input-safety';

describe('jsonDepth', () => {
  it('measures nesting on the raw text, ignoring brackets inside strings', () => {
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(jsonDepth('{"a":"\\"[[["}')).toBe(1);
    expect(jsonDepth('[]')).toBe(1);
  });

  it('stops counting past the limit', () => {
    expect(jsonDepth('['.repeat(5000), 32)).toBe(33);
  });
});

describe('findUnsafeInput', () => {
  it('names the field holding a control character', () => {
    expect(findUnsafeInput({ persons: [{ lastName: 'a\u0000' }] }, 'body')).toEqual({ field: 'persons.0.lastName', message: expect.any(String) });
    expect(findUnsafeInput({ q: 'CO\u0000' }, 'query')?.field).toBe('q');
  });

  it('keeps tabs and line breaks in bodies, not in queries', () => {
    expect(findUnsafeInput({ content: 'a\nb\tc\r\n' }, 'body')).toBeNull();
    expect(findUnsafeInput({ q: 'a\nb' }, 'query')?.field).toBe('q');
  });

  it('refuses prototype keys', () => {
    expect(findUnsafeInput(JSON.parse('{"a":{"__proto__":{"x":1}}}'), 'body')?.field).toBe('a.__proto__');
    expect(findUnsafeInput({ constructor: 1 }, 'body')?.field).toBe('constructor');
  });
});

describe('parseJsonBody (Express json() as configured)', () => {
  const req = (headers: Record<string, string> = {}) => ({ headers: { 'content-type': 'application/json', ...headers } }) as unknown as FastifyRequest;
  const status = (f: () => unknown) => {
    try {
      f();
      return 'ok';
    } catch (e) {
      return (e as HttpException).getStatus();
    }
  };

  it('reads an empty body as {} and parses objects and arrays', () => {
    expect(parseJsonBody(req(), Buffer.alloc(0))).toEqual({});
    expect(parseJsonBody(req(), Buffer.from(' {"a":[1]}'))).toEqual({ a: [1] });
    expect(parseJsonBody(req(), Buffer.from('[1]'))).toEqual([1]);
  });

  it('refuses a top-level scalar, malformed JSON, a deep body and a foreign charset', () => {
    expect(status(() => parseJsonBody(req(), Buffer.from('"x"')))).toBe(400);
    expect(status(() => parseJsonBody(req(), Buffer.from('{"a":')))).toBe(400);
    expect(status(() => parseJsonBody(req(), Buffer.from('['.repeat(40) + ']'.repeat(40))))).toBe(400);
    expect(status(() => parseJsonBody(req({ 'content-type': 'application/json; charset=latin1' }), Buffer.from('{}')))).toBe(415);
  });

  it('inflates gzip bodies and refuses unknown encodings', () => {
    expect(parseJsonBody(req({ 'content-encoding': 'gzip' }), gzipSync('{"a":1}'))).toEqual({ a: 1 });
    expect(status(() => parseJsonBody(req({ 'content-encoding': 'compress' }), Buffer.from('{}')))).toBe(415);
    expect(status(() => parseJsonBody(req({ 'content-encoding': 'gzip' }), gzipSync(`{"a":"${'x'.repeat(BODY_LIMIT)}"}`)))).toBe(413);
  });
});
