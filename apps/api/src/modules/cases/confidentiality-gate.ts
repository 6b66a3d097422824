import { ForbiddenException } from '@nestjs/common';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import type { CaseContext } from './case-access.service';

/**
 * Who must acknowledge the case protocol's confidentiality statement before seeing identities or
 * content (issue 9): people of a partner agency, i.e. one invited into the case. The referring and
 * the directing agency brought the case in and hold its information already; their people are not held back.
 */
export function isPartnerUser(user: AuthenticatedUser, ctx: Pick<CaseContext, 'record' | 'agencies'> & { deputyIds?: string[] }): boolean {
  // The case team (director and deputies) directs the case: it is not held back like a partner.
  if (ctx.record.directorId === user.id || ctx.deputyIds?.includes(user.id)) return false;
  return ctx.agencies.some((a) => a.agencyId === user.agencyId && a.role === 'INVITED');
}

export function confidentialityNotAcknowledged(protocolId: string): ForbiddenException {
  return new ForbiddenException({
    code: 'CONFIDENTIALITY_NOT_ACKNOWLEDGED',
    message: "Confirm the confidentiality statement of this case's protocol before you see its content.",
    protocolId,
  });
}

/** The case as a partner sees it before acknowledging: reference, stage and roles only. */
export function unacknowledgedCaseView(ctx: CaseContext, persons: { id: string; role: string }[], protocol: { id: string; title: string }) {
  const c = ctx.record;
  return {
    id: c.id,
    reference: c.reference,
    stage: c.stage,
    closureReason: c.closureReason,
    createdAt: c.createdAt.toISOString(),
    limited: true as const,
    confidentiality: { acknowledged: false as const, protocolId: protocol.id, protocolTitle: protocol.title },
    agencies: ctx.agencies.map((a) => ({ id: a.agencyId, role: a.role })),
    persons: persons.map((p) => ({ id: p.id, role: p.role, limited: true as const })),
  };
}
