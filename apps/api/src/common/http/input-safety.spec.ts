import { findUnsafeInput, jsonDepth } from './input-safety';

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
