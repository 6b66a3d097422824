import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedUser } from './authenticated-user';
import { BearerAuthenticator } from './bearer-authenticator';
import { AUTHENTICATED, AUTHORIZE, type AuthenticatedOptions, type AuthorizeRule } from './authorize.decorator';
import { IS_PUBLIC } from './public.decorator';

/**
 * The global guard. Deny by default: a route is reachable only when it is explicitly @Public, or
 * declares @Authenticated or an @Authorize rule. Order: authenticate (401) → MFA enrolment gate →
 * the rule's class-level CASL check (403).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly bearer: BearerAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<{ user: AuthenticatedUser; headers: Record<string, string | string[] | undefined> }>();
    const user = await this.bearer.authenticateRequest(request);
    request.user = user;

    const rule = this.reflector.getAllAndOverride<AuthorizeRule | undefined>(AUTHORIZE, targets);
    const authenticated = this.reflector.getAllAndOverride<AuthenticatedOptions | undefined>(AUTHENTICATED, targets);
    if (!rule && !authenticated) throw new ForbiddenException({ code: 'NO_RULE', message: 'This route declares no authorization rule' });

    if (user.mfaEnrollmentRequired && !authenticated?.duringMfaEnrollment) {
      throw new ForbiddenException({ code: 'MFA_ENROLLMENT_REQUIRED', message: 'Enrol a second factor (POST /me/mfa/enroll) before using Schakel' });
    }
    if (rule && !user.ability.can(rule.action, rule.subject)) {
      throw new ForbiddenException({ code: 'FORBIDDEN', message: `Your roles do not allow you to ${rule.action} ${rule.subject}` });
    }
    return true;
  }
}
