import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { asSubject } from '@schakel/authz';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { conflict, DomainError, unprocessable } from '../../common/http/domain-error';
import { agencyNames } from '../agencies/agency-directory';
import { activeStaffOf, staffById, staffByIds, type StaffMember } from '../identity/user-directory';
import { NotificationsService } from '../notifications/notifications.service';
import { CaseAccessService, caseSubject, type CaseContext } from './case-access.service';
import type { AddTeamMemberDto, HandoverDto } from './dto/casework.dto';
import { CaseTeamMember } from './entities/case-team-member.entity';
import { CaseRecord } from './entities/case.entity';
import { TimelineService } from './timeline.service';

export interface TeamMemberView {
  userId: string;
  displayName: string | null;
  agencyId: string | null;
  active: boolean;
  role: 'DIRECTOR' | 'DEPUTY';
}

/**
 * The case team: one case director and any deputies, all case directors of case agencies. Deputies
 * act on the case like the director (the `teamIds` rules of libs/authz); the director changes only
 * by a handover with a reason, or by a take-over when the director's account is no longer active.
 */
@Injectable()
export class CaseTeamService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: CaseAccessService,
    private readonly timeline: TimelineService,
    private readonly notifications: NotificationsService,
  ) {}

  async team(user: AuthenticatedUser, caseId: string) {
    const ctx = await this.access.load(user, caseId);
    return this.teamView(this.ds.manager, ctx);
  }

  async teamView(m: EntityManager, ctx: Pick<CaseContext, 'record' | 'deputyIds'>): Promise<{ director: TeamMemberView | null; deputies: TeamMemberView[] }> {
    const ids = [ctx.record.directorId, ...ctx.deputyIds].filter((x): x is string => !!x);
    return teamViewOf(ctx, await staffByIds(m, ids));
  }

  /** Who may join the team or receive the case: active case directors of the case's agencies. */
  async candidates(user: AuthenticatedUser, caseId: string) {
    const ctx = await this.access.load(user, caseId, 'read');
    const directors = (await activeStaffOf(this.ds.manager, ctx.agencyIds)).filter((u) => u.roles.includes('case_director'));
    const agencies = await agencyNames(
      this.ds.manager,
      directors.map((u) => u.agencyId),
    );
    const team = new Set([ctx.record.directorId, ...ctx.deputyIds]);
    return {
      items: directors.map((u) => ({
        userId: u.id,
        displayName: u.displayName,
        agencyId: u.agencyId,
        agencyName: agencies.get(u.agencyId) ?? '',
        inTeam: team.has(u.id),
      })),
    };
  }

  async addDeputy(user: AuthenticatedUser, caseId: string, dto: AddTeamMemberDto) {
    return this.ds.transaction(async (m) => {
      const ctx = await this.access.load(user, caseId, 'handover', m, true);
      this.access.assertOpen(ctx);
      if (!ctx.record.directorId) throw conflict('CASE_NOT_ACCEPTED', 'A referral gets a team once a case director accepts it');
      const target = await this.eligibleDirector(m, ctx, dto.userId, 'userId');
      if (target.id === ctx.record.directorId || ctx.deputyIds.includes(target.id))
        throw conflict('ALREADY_IN_TEAM', 'This person is already in the case team');
      await m.getRepository(CaseTeamMember).insert({ caseId, userId: target.id, role: 'DEPUTY', addedBy: user.id });
      await this.timeline.record(m, caseId, user, 'TEAM_MEMBER_ADDED', { userId: target.id, role: 'DEPUTY', displayName: target.displayName });
      await this.notifications.notify(m, [target.id], { type: 'CASE_TEAM_ADDED', caseId, caseReference: ctx.record.reference });
      return this.teamView(m, { record: ctx.record, deputyIds: [...ctx.deputyIds, target.id] });
    });
  }

  async removeDeputy(user: AuthenticatedUser, caseId: string, userId: string) {
    return this.ds.transaction(async (m) => {
      const ctx = await this.access.load(user, caseId, 'handover', m, true);
      if (!ctx.deputyIds.includes(userId)) throw new NotFoundException('This person is not a deputy of the case');
      await m.getRepository(CaseTeamMember).delete({ caseId, userId });
      await this.timeline.record(m, caseId, user, 'TEAM_MEMBER_REMOVED', { userId, role: 'DEPUTY' });
      return this.teamView(m, { record: ctx.record, deputyIds: ctx.deputyIds.filter((id) => id !== userId) });
    });
  }

  /**
   * Hands the case to another case director (a deputy, or another director of a case agency). The
   * team hands over; a case director of the director's agency may take the case over (to themself)
   * when the director's account is deactivated. The previous director stays a deputy only when
   * still active, so a departed colleague does not linger in the team.
   */
  async handover(user: AuthenticatedUser, caseId: string, dto: HandoverDto) {
    return this.ds.transaction(async (m) => {
      const ctx = await this.access.load(user, caseId, 'read', m, true);
      this.access.assertOpen(ctx);
      const previousId = ctx.record.directorId;
      if (!previousId) throw conflict('CASE_NOT_ACCEPTED', 'A referral is accepted (moved to DOSSIERVORMING), not handed over');
      const previous = await staffById(m, previousId);
      const subject = asSubject('Case', { ...caseSubject(ctx), directorAgencyId: previous?.agencyId ?? null, directorActive: previous?.active ?? false });
      const takeover = !this.access.isTeam(user, ctx);
      if (!user.ability.can('handover', subject) || (takeover && dto.toUserId !== user.id)) {
        throw new DomainError(
          403,
          'HANDOVER_NOT_ALLOWED',
          takeover
            ? 'Only the case team hands a case over; a case director of the same agency may take over a case whose director is no longer active'
            : 'You may not hand this case over',
        );
      }
      if (dto.toUserId === previousId) throw conflict('ALREADY_DIRECTOR', 'This person already directs the case');
      const target = await this.eligibleDirector(m, ctx, dto.toUserId, 'toUserId');
      ctx.record.directorId = target.id;
      await m.getRepository(CaseRecord).save(ctx.record);
      await m.getRepository(CaseTeamMember).delete({ caseId, userId: target.id });
      if (previous?.active && !takeover) {
        await m.getRepository(CaseTeamMember).insert({ caseId, userId: previousId, role: 'DEPUTY', addedBy: user.id });
      }
      await this.timeline.record(
        m,
        caseId,
        user,
        'HANDOVER',
        {
          fromUserId: previousId,
          fromDisplayName: previous?.displayName ?? null,
          toUserId: target.id,
          toDisplayName: target.displayName,
          takeover,
        },
        dto.reason,
      );
      if (target.id !== user.id) await this.notifications.notify(m, [target.id], { type: 'CASE_HANDED_OVER', caseId, caseReference: ctx.record.reference });
      const deputyIds = (await m.getRepository(CaseTeamMember).findBy({ caseId })).map((t) => t.userId);
      return { caseId, directorId: target.id, takeover, team: await this.teamView(m, { record: ctx.record, deputyIds }) };
    });
  }

  private async eligibleDirector(m: EntityManager, ctx: CaseContext, userId: string, field: string): Promise<StaffMember> {
    const u = await staffById(m, userId);
    if (!u || !u.active || !u.roles.includes('case_director') || !ctx.agencyIds.includes(u.agencyId)) {
      throw unprocessable('TEAM_MEMBER_NOT_ALLOWED', 'The case team is made of active case directors of agencies that are part of the case', { field });
    }
    return u;
  }
}

/** The case team from the accounts of its members (the director and the deputies). */
export function teamViewOf(
  ctx: Pick<CaseContext, 'record' | 'deputyIds'>,
  users: Pick<StaffMember, 'id' | 'displayName' | 'agencyId' | 'active'>[],
): { director: TeamMemberView | null; deputies: TeamMemberView[] } {
  const view = (id: string, role: TeamMemberView['role']): TeamMemberView => {
    const u = users.find((x) => x.id === id);
    return { userId: id, displayName: u?.displayName ?? null, agencyId: u?.agencyId ?? null, active: u?.active ?? false, role };
  };
  return { director: ctx.record.directorId ? view(ctx.record.directorId, 'DIRECTOR') : null, deputies: ctx.deputyIds.map((id) => view(id, 'DEPUTY')) };
}
