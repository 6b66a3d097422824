import pino from 'pino';
import { Writable } from 'node:stream';
import { LOG_REDACT_PATHS } from './log-redaction';

function capture(obj: Record<string, unknown>): string {
  let out = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      out += chunk.toString();
      done();
    },
  });
  pino({ redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' } }, stream).error(obj, 'unhandled error');
  return out;
}

describe('log redaction of errors', () => {
  it("keeps an error's class and code, so a 500 can be diagnosed", () => {
    const out = JSON.parse(capture({ err: { name: 'QueryFailedError', code: '23505', frames: 'at x' }, path: '/cases/:id' }));
    expect(out.err).toEqual({ name: 'QueryFailedError', code: '23505', frames: 'at x' });
  });

  it("still hides an error's message, a person's name and a one-time code", () => {
    const out = capture({
      err: { name: 'QueryFailedError', message: 'Key (email)=(elise@x.be) exists' },
      person: { name: 'Élise Peeters' },
      body: { code: '123456' },
      code: '654321',
    });
    for (const secret of ['elise@x.be', 'Élise', '123456', '654321']) expect(out).not.toContain(secret);
  });
});
