import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { addMonths, todayInBrussels } from '@schakel/domain';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { conflict } from '../../common/http/domain-error';
import { AccessLogService } from '../access-log/access-log.service';
import { agenciesByIds } from '../agencies/agency-directory';
import type { CaseCipher } from '../crypto/case-cipher';
import { CaseKeysService } from '../crypto/case-keys.service';
import { CaseAccessService } from '../cases/case-access.service';
import { personExists } from '../cases/case-directory';
import { TimelineService } from '../cases/timeline.service';
import { Consent } from './consent.entity';
import type { CreateConsentDto, CreateNoticeDto } from './dto/consent.dto';
import { Notice } from './notice.entity';

// Evidence and justifications are free text under the case's data key (ADR 0009).
export const consentView = (c: Consent, cipher: CaseCipher) => ({
  id: c.id,
  caseId: c.caseId,
  personId: c.personId,
  status: c.status,
  method: c.method,
  scope: { agencyIds: c.scopeAgencyIds, dataCategories: c.scopeDataCategories },
  validUntil: c.validUntil,
  evidence: cipher.open(c.evidence, 'consents.evidence'),
  recordedBy: c.recordedBy,
  recordedAgencyId: c.recordedAgencyId,
  recordedAt: c.recordedAt.toISOString(),
  withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
  withdrawalReason: cipher.open(c.withdrawalReason, 'consents.withdrawal_reason'),
});

const noticeView = (n: Notice, cipher: CaseCipher) => ({
  id: n.id,
  caseId: n.caseId,
  personId: n.personId,
  informedAt: n.informedAt?.toISOString() ?? null,
  method: n.method,
  withheld: n.withheld,
  justification: cipher.open(n.justification, 'notices.justification'),
  reviewDate: n.reviewDate,
  recordedBy: n.recordedBy,
  recordedAt: n.recordedAt.toISOString(),
});

@Injectable()
export class ConsentService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cases: CaseAccessService,
    private readonly timeline: TimelineService,
    private readonly accessLog: AccessLogService,
    private readonly caseKeys: CaseKeysService,
  ) {}

  async list(user: AuthenticatedUser, caseId: string) {
    const ctx = await this.cases.load(user, caseId);
    this.cases.assertCan(user, 'read', 'Consent', ctx);
    const [consents, notices] = await Promise.all([
      this.ds.getRepository(Consent).find({ where: { caseId }, order: { recordedAt: 'ASC' } }),
      this.ds.getRepository(Notice).find({ where: { caseId }, order: { recordedAt: 'ASC' } }),
    ]);
    await this.accessLog.record(user, caseId, 'CONSENTS');
    const cipher = await this.caseKeys.cipher(caseId);
    return { items: consents.map((c) => consentView(c, cipher)), notices: notices.map((n) => noticeView(n, cipher)) };
  }

  async create(user: AuthenticatedUser, caseId: string, dto: CreateConsentDto) {
    return this.ds.transaction(async (m) => {
      const ctx = await this.cases.load(user, caseId, 'read', m, true);
      this.cases.assertCan(user, 'create', 'Consent', ctx);
      this.cases.assertOpen(ctx);
      await this.requirePerson(m, caseId, dto.personId);
      const agencies = await agenciesByIds(m, dto.scope.agencyIds);
      if (agencies.length !== dto.scope.agencyIds.length) {
        throw new BadRequestException({
          code: 'VALIDATION_FAILED',
          message: 'Invalid request: scope.agencyIds',
          details: [{ field: 'scope.agencyIds', message: 'every agency in the scope must exist' }],
        });
      }
      const cipher = await this.caseKeys.cipher(caseId, m);
      const repo = m.getRepository(Consent);
      const c = await repo.save(
        repo.create({
          caseId,
          personId: dto.personId,
          status: dto.status,
          method: dto.method,
          scopeAgencyIds: dto.scope.agencyIds,
          scopeDataCategories: dto.scope.dataCategories,
          validUntil: dto.validUntil ?? null,
          evidence: cipher.sealNullable(dto.evidence, 'consents.evidence'),
          recordedBy: user.id,
          recordedAgencyId: user.agencyId,
          withdrawnAt: null,
          withdrawnBy: null,
          withdrawalReason: null,
        }),
      );
      await this.timeline.record(m, caseId, user, 'CONSENT_RECORDED', { consentId: c.id, personId: c.personId, status: c.status, method: c.method });
      return consentView(c, cipher);
    });
  }

  /** Withdrawal keeps the record and stops its use from this moment: later disclosures on it are refused. */
  async withdraw(user: AuthenticatedUser, caseId: string, consentId: string, reason: string | undefined) {
    return this.ds.transaction(async (m) => {
      const ctx = await this.cases.load(user, caseId, 'read', m);
      this.cases.assertCan(user, 'withdraw', 'Consent', ctx);
      const repo = m.getRepository(Consent);
      const c = await repo.findOne({ where: { id: consentId, caseId }, lock: { mode: 'pessimistic_write' } });
      if (!c) throw new NotFoundException('No such consent');
      if (c.status === 'WITHDRAWN') throw conflict('CONSENT_ALREADY_WITHDRAWN', 'This consent was already withdrawn');
      if (c.status === 'REFUSED') throw conflict('CONSENT_REFUSED', 'A refusal cannot be withdrawn; record a new consent instead');
      c.status = 'WITHDRAWN';
      c.withdrawnAt = new Date();
      c.withdrawnBy = user.id;
      const cipher = await this.caseKeys.cipher(caseId, m);
      c.withdrawalReason = cipher.sealNullable(reason, 'consents.withdrawal_reason');
      await repo.save(c);
      await this.timeline.record(m, caseId, user, 'CONSENT_WITHDRAWN', { consentId, personId: c.personId }, reason ?? null);
      return consentView(c, cipher);
    });
  }

  async notice(user: AuthenticatedUser, caseId: string, dto: CreateNoticeDto) {
    return this.ds.transaction(async (m) => {
      const ctx = await this.cases.load(user, caseId, 'read', m, true);
      this.cases.assertCan(user, 'create', 'Consent', ctx);
      this.cases.assertOpen(ctx);
      await this.requirePerson(m, caseId, dto.personId);
      const withheld = Boolean(dto.withheld);
      const cipher = await this.caseKeys.cipher(caseId, m);
      const repo = m.getRepository(Notice);
      const n = await repo.save(
        repo.create({
          caseId,
          personId: dto.personId,
          withheld,
          informedAt: withheld ? null : new Date(dto.informedAt!),
          method: withheld ? null : (dto.method ?? null),
          justification: withheld ? cipher.seal(dto.justification!, 'notices.justification') : null,
          reviewDate: withheld ? (dto.reviewDate ?? addMonths(todayInBrussels(), 3)) : null,
          recordedBy: user.id,
        }),
      );
      await this.timeline.record(m, caseId, user, 'NOTICE_RECORDED', { noticeId: n.id, personId: n.personId, withheld });
      return noticeView(n, cipher);
    });
  }

  private async requirePerson(m: EntityManager, caseId: string, personId: string): Promise<void> {
    if (!(await personExists(m, caseId, personId))) {
      throw new BadRequestException({
        code: 'VALIDATION_FAILED',
        message: 'Invalid request: personId',
        details: [{ field: 'personId', message: 'personId must be a person of this case' }],
      });
    }
  }
}
