import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from '../http/error-body.dto';
import type { Action, SubjectType } from '@schakel/authz';

export const AUTHORIZE = 'schakel:authorize';
export interface AuthorizeRule {
  action: Action;
  subject: SubjectType;
}

/**
 * The route's authorization rule: "may this user's roles ever do `action` on `subject`?" (the
 * guard's class-level CASL check). Services still check the loaded row and scope lists in SQL.
 */
export const Authorize = (action: Action, subject: SubjectType) =>
  applyDecorators(
    SetMetadata(AUTHORIZE, { action, subject } satisfies AuthorizeRule),
    ApiBearerAuth(),
    ApiBadRequestResponse({ description: 'Invalid or unknown fields (`details[]`)', type: ErrorBodyDto }),
    ApiUnauthorizedResponse({ description: 'No or invalid access token', type: ErrorBodyDto }),
    ApiForbiddenResponse({ description: `The caller may not ${action} ${subject}`, type: ErrorBodyDto }),
  );

export const AUTHENTICATED = 'schakel:authenticated';
export interface AuthenticatedOptions {
  duringMfaEnrollment?: boolean;
}

/** Any signed-in user may call this route (it only touches the caller's own account). */
export const Authenticated = (options: AuthenticatedOptions = {}) =>
  applyDecorators(
    SetMetadata(AUTHENTICATED, options),
    ApiBearerAuth(),
    ApiBadRequestResponse({ description: 'Invalid or unknown fields (`details[]`)', type: ErrorBodyDto }),
    ApiUnauthorizedResponse({ description: 'No or invalid access token', type: ErrorBodyDto }),
    ApiForbiddenResponse({ description: 'MFA_ENROLLMENT_REQUIRED for an action other than enrolment', type: ErrorBodyDto }),
  );
