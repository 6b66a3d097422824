import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger, Optional } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import type { ErrorBody } from '@schakel/contracts';
import { AccessLogService } from '../../modules/access-log/access-log.service';
import { caseRouteResource } from '../../modules/access-log/case-access.interceptor';
import { routeTemplate } from './route-template';

/**
 * Turns every exception into the api.md error body. Unknown errors become a 500 whose details stay
 * in the log (without request bodies, which may hold personal data).
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  constructor(@Optional() private readonly accessLog?: AccessLogService) {}

  catch(exception: unknown, host: ArgumentsHost): void | Promise<void> {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const body = this.toBody(exception);
    // Answer once the denied attempt is in the access log (so the log is complete when the caller sees the refusal).
    const recording = this.recordDenied(req, body.statusCode);
    if (recording) return recording.then(() => this.send(exception, req, res, body));
    this.send(exception, req, res, body);
  }

  private send(exception: unknown, req: Request, res: Response, body: ErrorBody): void {
    if (body.statusCode >= 500) {
      // Name, code and stack frames only: driver messages can quote the values (personal data) that failed.
      const err = exception as Error & { code?: string };
      const frames = err?.stack?.split('\n').slice(1).join('\n');
      const driverCode = (exception as { driverError?: { code?: string } })?.driverError?.code;
      this.logger.error(
        { err: { name: err?.name, class: err?.constructor?.name, code: err?.code ?? driverCode, frames }, path: routeTemplate(req) ?? 'unmatched' },
        'unhandled error',
      );
    }
    if (res.sent || res.raw.headersSent) return;
    body.code ??= DEFAULT_CODES[body.statusCode] ?? (body.statusCode >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
    if (body.statusCode === 429 && typeof res.getHeader === 'function' && !res.getHeader('Retry-After')) {
      // The throttler names its header after the throttler (Retry-After-auth); clients look for the standard one.
      const named = Object.entries(res.getHeaders?.() ?? {}).find(([h]) => h.startsWith('retry-after-'))?.[1];
      res.header('Retry-After', String(named ?? (body.retryAfter as number | undefined) ?? 60));
    }
    // Serialized here (as Express's res.json did), so a Content-Type set before the error cannot make Fastify refuse the object.
    res.status(body.statusCode).header('Content-Type', 'application/json; charset=utf-8').send(JSON.stringify(body));
  }

  /** A refused attempt on a case route goes to the access log (guards refuse before any interceptor runs). */
  private recordDenied(req: Request, status: number): Promise<void> | null {
    if (!this.accessLog || (status !== 403 && status !== 404)) return null;
    const user = (req as Request & { user?: { id: string; agencyId: string } }).user;
    const resource = caseRouteResource(routeTemplate(req));
    const caseId = (req.params as Record<string, unknown> | undefined)?.id;
    if (!user?.id || !resource || typeof caseId !== 'string') return null;
    return this.accessLog.recordDenied(user, caseId, resource, status).catch((e: Error) => {
      this.logger.error({ err: { name: e.name, code: (e as { code?: string }).code } }, 'could not record a denied attempt');
    });
  }

  private toBody(exception: unknown): ErrorBody {
    const framework = frameworkErrorBody(exception);
    if (framework) return framework;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const base: ErrorBody = { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: exception.message };
      if (typeof response === 'string') return { ...base, message: response };
      const { statusCode: _s, error: _e, message, ...rest } = response as Record<string, unknown>;
      return {
        ...base,
        ...rest,
        message: Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : base.message,
      };
    }
    const pg = postgresError(exception);
    if (pg) return pg;
    if (isBodyParserError(exception)) {
      // Never the parser's message: it quotes the body around the error.
      return { statusCode: 400, error: 'Bad Request', message: 'The request body is not valid JSON', code: 'MALFORMED_JSON' };
    }
    // Other client errors raised by Express middleware (body too large, unsupported charset…),
    // answered with a fixed message: body-parser's messages can quote the request.
    const status = (exception as { status?: number; expose?: boolean })?.status;
    if ((exception as { expose?: boolean })?.expose && typeof status === 'number' && status >= 400 && status < 500) {
      return {
        statusCode: status,
        error: STATUS_CODES[status] ?? 'Error',
        message: STATUS_CODES[status] ?? 'Bad request',
        code: status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST',
      };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'Internal Server Error', message: 'An unexpected error occurred' };
  }
}

/** A `code` on every error body, also for errors raised without one (api.md "Additions": every error has a code). */
const DEFAULT_CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  431: 'HEADERS_TOO_LARGE',
  500: 'INTERNAL_ERROR',
  503: 'UNAVAILABLE',
};

/**
 * Fastify's own refusals of a request (body over the limit, a Content-Length that does not match the
 * body, a malformed URL…), which Nest hands on as HttpExceptions carrying Fastify's message (it can
 * quote the URL): answered with the fixed bodies Express's body parsers and router got.
 */
export function frameworkErrorBody(e: unknown): ErrorBody | null {
  const err = (e instanceof HttpException ? e.cause : e) as { name?: string; code?: unknown; statusCode?: unknown } | undefined;
  if (!err || typeof err.code !== 'string' || !err.code.startsWith('FST_') || typeof err.statusCode !== 'number') return null;
  const status = err.statusCode;
  if (status < 400 || status >= 500) return null;
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return { statusCode: 413, error: 'Payload Too Large', message: 'The request body is too large', code: 'PAYLOAD_TOO_LARGE' };
  if (err.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH')
    return { statusCode: 400, error: 'Bad Request', message: 'The request body could not be read', code: 'BAD_REQUEST' };
  return {
    statusCode: status,
    error: STATUS_CODES[status] ?? 'Error',
    message: STATUS_CODES[status] ?? 'Bad request',
    code: status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST',
  };
}

function isBodyParserError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { type?: string }).type === 'entity.parse.failed';
}

/**
 * Database constraint violations that reach here are a client's conflict or bad reference (usually a
 * race the service checks could not see), never a server fault.
 */
function postgresError(e: unknown): ErrorBody | null {
  const code = (e as { driverError?: { code?: string }; code?: string })?.driverError?.code ?? (e as { code?: string })?.code;
  if (typeof code !== 'string' || (e as Error)?.name !== 'QueryFailedError') return null;
  switch (code) {
    case '23505':
      return { statusCode: 409, error: 'Conflict', message: 'This record already exists or was changed concurrently', code: 'CONFLICT' };
    case '23503':
      return { statusCode: 422, error: 'Unprocessable Entity', message: 'A referenced record does not exist', code: 'REFERENCE_NOT_FOUND' };
    case '23514':
      return { statusCode: 422, error: 'Unprocessable Entity', message: 'A value breaks a rule of the record', code: 'CONSTRAINT_VIOLATION' };
    // Invalid text representation, date/time out of range, numeric out of range, NUL or an invalid
    // byte in text, value too long: the caller's value, never a server fault.
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22021':
    case '22P05':
    case '22001':
    case '22004':
    case '2201B':
    case '22025':
      return { statusCode: 400, error: 'Bad Request', message: 'A value has the wrong format', code: 'VALIDATION_FAILED' };
    case '40001':
    case '40P01':
      return { statusCode: 409, error: 'Conflict', message: 'The request collided with another one; try again', code: 'CONFLICT' };
    default:
      return null;
  }
}
