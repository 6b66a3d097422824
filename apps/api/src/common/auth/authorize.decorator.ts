import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Action, SubjectType } from '@schakel/authz';

export const AUTHORIZE = 'schakel:authorize';
export interface AuthorizeRule { action: Action; subject: SubjectType }

/**
 * The route's authorization rule: "may this user's roles ever do `action` on `subject`?" (the
 * guard's class-level CASL check). Services still check the loaded row and scope lists in SQL.
 */
export const Authorize = (action: Action, subject: SubjectType) =>
  applyDecorators(
    SetMetadata(AUTHORIZE, { action, subject } satisfies AuthorizeRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No or invalid access token' }),
    ApiForbiddenResponse({ description: `The caller may not ${action} ${subject}` }),
  );

export const AUTHENTICATED = 'schakel:authenticated';
export interface AuthenticatedOptions { duringMfaEnrollment?: boolean }

/** Any signed-in user may call this route (it only touches the caller's own account). */
export const Authenticated = (options: AuthenticatedOptions = {}) =>
  applyDecorators(
    SetMetadata(AUTHENTICATED, options),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No or invalid access token' }),
  );
