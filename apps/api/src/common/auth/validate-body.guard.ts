import { type CanActivate, type ExecutionContext, Injectable, type Type } from '@nestjs/common';
import { createValidationPipe } from '../validation/validation-pipe';

/**
 * Validates the body before a passport guard reads it, so a malformed login is a 400 with
 * `details` (the global pipe would only run after the guard has answered 401).
 */
export function ValidateBody(dto: Type<unknown>): Type<CanActivate> {
  @Injectable()
  class ValidateBodyGuard implements CanActivate {
    private readonly pipe = createValidationPipe();
    async canActivate(context: ExecutionContext): Promise<boolean> {
      const req = context.switchToHttp().getRequest<{ body: unknown }>();
      req.body = await this.pipe.transform(req.body ?? {}, { type: 'body', metatype: dto });
      return true;
    }
  }
  return ValidateBodyGuard;
}
