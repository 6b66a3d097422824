import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import type { ErrorBody } from './error-body';

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
      const err = exception as Error;
      this.logger.error({ err: { name: err?.name, message: err?.message, stack: err?.stack }, path: req.path }, 'unhandled error');
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
    if (isBodyParserError(exception)) {
      return { statusCode: 400, error: 'Bad Request', message: 'The request body is not valid JSON', code: 'MALFORMED_JSON' };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'Internal Server Error', message: 'An unexpected error occurred' };
  }
}

function isBodyParserError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { type?: string }).type === 'entity.parse.failed';
}
