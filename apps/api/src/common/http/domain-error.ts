import { HttpException } from '@nestjs/common';

/** A 409/422 with a machine-readable `code` (api.md "Error codes") and optional extra fields. */
export class DomainError extends HttpException {
  constructor(status: 409 | 422 | 403 | 404 | 400, code: string, message: string, extra: Record<string, unknown> = {}) {
    super({ code, message, ...extra }, status);
  }
}

export const conflict = (code: string, message: string, extra?: Record<string, unknown>) => new DomainError(409, code, message, extra);
export const unprocessable = (code: string, message: string, extra?: Record<string, unknown>) => new DomainError(422, code, message, extra);
