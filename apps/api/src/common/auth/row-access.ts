import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { asSubject, type Action, type SubjectType } from '@schakel/authz';
import type { AuthenticatedUser } from './authenticated-user';

/**
 * The service-side check on a loaded row (the guard only asked "may this role ever…").
 * A row the user may not even read is answered 404, never 403: its existence must not leak.
 */
export function assertRowAccess(user: AuthenticatedUser, action: Action, type: SubjectType, record: Record<string, unknown>, what = type.toLowerCase()): void {
  const subject = asSubject(type, record);
  if (!user.ability.can('read', subject)) throw new NotFoundException(`No such ${what}`);
  if (action !== 'read' && !user.ability.can(action, subject)) {
    throw new ForbiddenException({ code: 'FORBIDDEN', message: `You may not ${action} this ${what}` });
  }
}
