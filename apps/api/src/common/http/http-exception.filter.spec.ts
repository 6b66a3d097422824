import { ArgumentsHost, ConflictException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { HttpExceptionFilter } from './http-exception.filter';

function run(exception: unknown) {
  const sent: { status?: number; body?: unknown } = {};
  // A Fastify reply, as far as the filter uses it.
  const res = {
    sent: false,
    raw: { headersSent: false },
    status(s: number) {
      sent.status = s;
      return this;
    },
    header() {
      return this;
    },
    send(b: string) {
      sent.body = JSON.parse(b);
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ url: '/x', routeOptions: { url: '/x' } }) }) } as unknown as ArgumentsHost;
  void new HttpExceptionFilter().catch(exception, host);
  return sent;
}

const pgError = (code: string) =>
  new QueryFailedError('INSERT …', [], Object.assign(new Error('duplicate key value violates unique constraint: Key (email)=(a@b.be)'), { code }));

describe('HttpExceptionFilter', () => {
  it('keeps the code and extra fields of a domain error', () => {
    expect(run(new ConflictException({ code: 'STALE_VERSION', message: 'stale', currentVersion: 3 }))).toEqual({
      status: 409,
      body: { statusCode: 409, error: 'Conflict', message: 'stale', code: 'STALE_VERSION', currentVersion: 3 },
    });
  });

  it.each([
    ['23505', 409, 'CONFLICT'],
    ['23503', 422, 'REFERENCE_NOT_FOUND'],
    ['23514', 422, 'CONSTRAINT_VIOLATION'],
    ['22P02', 400, 'VALIDATION_FAILED'],
    ['40P01', 409, 'CONFLICT'],
  ])('answers a database error %s as %i %s, without echoing its values', (code, status, errorCode) => {
    const sent = run(pgError(code));
    expect(sent.status).toBe(status);
    expect(sent.body).toMatchObject({ statusCode: status, code: errorCode });
    expect(JSON.stringify(sent.body)).not.toContain('a@b.be');
  });

  it('answers anything else as a 500 that says nothing about the cause', () => {
    const sent = run(new Error('secret detail about Élise'));
    expect(sent).toEqual({
      status: 500,
      body: { statusCode: 500, error: 'Internal Server Error', message: 'An unexpected error occurred', code: 'INTERNAL_ERROR' },
    });
  });
});
