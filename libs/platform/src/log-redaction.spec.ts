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
  pino({ redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' } }, stream).info(obj, 'event');
  return out;
}

describe('log redaction', () => {
  it('removes credentials from request and response headers', () => {
    const out = capture({
      req: { headers: { authorization: 'Bearer eyJhbGciOi', cookie: 'schakel_refresh=abc.def' } },
      res: { headers: { 'set-cookie': 'schakel_refresh=abc' } },
    });
    expect(out).not.toContain('eyJhbGciOi');
    expect(out).not.toContain('abc.def');
    expect(out).toContain('[redacted]');
  });

  it('removes identity fields at any of the first three levels', () => {
    const out = capture({
      firstName: 'Élise',
      person: { lastName: 'Van den Broeck', nationalNumber: '91031412345' },
      body: { persons: { birthDate: '1991-03-14' } },
      password: 'hunter2-hunter2',
    });
    for (const secret of ['Élise', 'Van den Broeck', '91031412345', '1991-03-14', 'hunter2']) expect(out).not.toContain(secret);
  });
});
