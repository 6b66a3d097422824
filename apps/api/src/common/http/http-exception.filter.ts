import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import type { ErrorBody } from '@schakel/contracts';

/**
 * Turns every exception into the api.md error body. Unknown errors become a 500 whose details stay
 * in the log (without request bodies, which may hold personal data).
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      // Name, code and stack frames only: driver messages can quote the values (personal data) that failed.
      const err = exception as Error & { code?: string };
      const frames = err?.stack?.split('\n').slice(1).join('\n');
      this.logger.error({ err: { name: err?.name, code: err?.code, frames }, path: req.route?.path ?? 'unmatched' }, 'unhandled error');
    }
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
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
      return { statusCode: 400, error: 'Bad Request', message: 'The request body is not valid JSON', code: 'MALFORMED_JSON' };
    }
    // Other client errors raised by Express middleware (body too large, unsupported charset…).
    const status = (exception as { status?: number; expose?: boolean })?.status;
    if ((exception as { expose?: boolean })?.expose && typeof status === 'number' && status >= 400 && status < 500) {
      return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: (exception as Error).message, code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'Internal Server Error', message: 'An unexpected error occurred' };
  }
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
    case '23505': return { statusCode: 409, error: 'Conflict', message: 'This record already exists or was changed concurrently', code: 'CONFLICT' };
    case '23503': return { statusCode: 422, error: 'Unprocessable Entity', message: 'A referenced record does not exist', code: 'REFERENCE_NOT_FOUND' };
    case '23514': return { statusCode: 422, error: 'Unprocessable Entity', message: 'A value breaks a rule of the record', code: 'CONSTRAINT_VIOLATION' };
    case '22P02': case '22007': case '22008': return { statusCode: 400, error: 'Bad Request', message: 'A value has the wrong format', code: 'VALIDATION_FAILED' };
    case '40001': case '40P01': return { statusCode: 409, error: 'Conflict', message: 'The request collided with another one; try again', code: 'CONFLICT' };
    default: return null;
  }
}
