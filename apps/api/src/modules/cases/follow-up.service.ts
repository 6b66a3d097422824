import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { checkReopen, type ClosureReason, reopenWindowMonths, todayInBrussels } from '@schakel/domain';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { DomainError } from '../../common/http/domain-error';
import { CaseKeysService } from '../crypto/case-keys.service';
import { CryptoService } from '../crypto/crypto.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ProtocolsService } from '../protocols/protocols.service';
import { CaseAccessService, type CaseContext } from './case-access.service';
import { caseSummaryView } from './case.view';
import type { AddIncidentDto } from './dto/casework.dto';
import { CaseEvent } from './entities/case-event.entity';
import { CaseIncident } from './entities/case-incident.entity';
import { CaseRecord } from './entities/case.entity';
import { TIMELINE_REASON, TimelineService } from './timeline.service';

const POLICE_REFERENCE = 'case_incidents.police_reference';

/** What the referring agency adds after referring (incidents) and sees of the outcome; reopening a closed case. */
@Injectable()
export class FollowUpService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: CaseAccessService,
    private readonly crypto: CryptoService,
    private readonly timeline: TimelineService,
    private readonly notifications: NotificationsService,
    private readonly protocols: ProtocolsService,
    private readonly caseKeys: CaseKeysService,
  ) {}

  /** The referring agency records a later incident (date, forms, PV number); the case team is told. */
  async addIncident(user: AuthenticatedUser, caseId: string, dto: AddIncidentDto) {
    return this.ds.transaction(async (m) => {
      const ctx = await this.access.load(user, caseId, 'report', m, true);
      this.access.assertOpen(ctx);
      const repo = m.getRepository(CaseIncident);
      const row = await repo.save(
        repo.create({
          caseId,
          date: dto.date.slice(0, 10),
          types: dto.types,
          policeReference: this.crypto.encryptNullable(dto.policeReference, POLICE_REFERENCE),
          agencyId: user.agencyId,
          addedBy: user.id,
        }),
      );
      await this.timeline.record(m, caseId, user, 'INCIDENT_ADDED', { incidentId: row.id, date: row.date, types: row.types });
      await this.notifications.notify(
        m,
        [ctx.record.directorId, ...ctx.deputyIds].filter((id) => id !== user.id),
        { type: 'INCIDENT_ADDED', caseId, caseReference: ctx.record.reference },
      );
      return this.incidentView(row);
    });
  }

  async incidents(m: EntityManager, caseId: string) {
    const rows = await m.getRepository(CaseIncident).find({ where: { caseId }, order: { createdAt: 'ASC' } });
    return rows.map((r) => this.incidentView(r));
  }

  /** Why the case closed, in the closing director's words (shown to the referrer with the closure reason). */
  async outcome(
    m: EntityManager,
    ctx: Pick<CaseContext, 'record'>,
  ): Promise<{ closureReason: ClosureReason | null; reason: string | null; at: string | null } | null> {
    if (ctx.record.stage !== 'AFGESLOTEN') return null;
    const last = await m
      .getRepository(CaseEvent)
      .createQueryBuilder('e')
      .where(`e.case_id = :id AND e.type = 'TRANSITION' AND e.detail->>'to' = 'AFGESLOTEN'`, { id: ctx.record.id })
      .orderBy('e.id', 'DESC')
      .getOne();
    // Timeline reasons are sealed under the case's data key (ADR 0009).
    const reason = last?.reason ? (await this.caseKeys.cipher(ctx.record.id, m)).open(last.reason, TIMELINE_REASON) : null;
    return { closureReason: ctx.record.closureReason, reason, at: ctx.record.closedAt?.toISOString() ?? null };
  }

  /**
   * The case team reopens a case closed within the reopen window (libs/domain checkReopen: 12 months,
   * never beyond the protocol's retention): back to case direction, to weighing when it was not
   * included, or — a referral declined at intake, by a director who could have accepted it — back to
   * intake.
   */
  async reopen(user: AuthenticatedUser, caseId: string, reason: string) {
    return this.ds.transaction(async (m) => {
      const ctx = await this.access.load(user, caseId, 'reopen', m, true);
      const c = ctx.record;
      const found = await this.protocols.findWithAgencies(c.protocolId, m);
      const windowMonths = reopenWindowMonths(found?.protocol.retentionMonths);
      const verdict = checkReopen({
        stage: c.stage,
        closureReason: c.closureReason,
        closedOn: c.closedAt ? todayInBrussels(c.closedAt) : null,
        today: todayInBrussels(),
        windowMonths,
        anonymised: c.anonymisedAt !== null,
      });
      if (!verdict.allowed)
        throw new DomainError(verdict.code === 'CASE_NOT_CLOSED' ? 409 : 422, verdict.code!, verdict.message!, {
          windowMonths,
          lastDay: verdict.lastDay ?? null,
        });
      const closedAt = c.closedAt;
      const closureReason = c.closureReason;
      c.stage = verdict.to!;
      c.stageEnteredAt = new Date();
      c.closedAt = null;
      c.closureReason = null;
      c.reopenedAt = new Date();
      await m.getRepository(CaseRecord).save(c);
      await this.timeline.record(
        m,
        caseId,
        user,
        'REOPENED',
        { from: 'AFGESLOTEN', to: c.stage, closedAt: closedAt?.toISOString() ?? null, closureReason },
        reason,
      );
      return { ...caseSummaryView({ record: c }, true), reopenedAt: c.reopenedAt.toISOString() };
    });
  }

  incidentView(r: CaseIncident) {
    return {
      id: r.id,
      caseId: r.caseId,
      date: r.date,
      types: r.types,
      policeReference: this.crypto.decryptNullable(r.policeReference, POLICE_REFERENCE),
      agencyId: r.agencyId,
      addedBy: r.addedBy,
      createdAt: r.createdAt.toISOString(),
    };
  }
}
