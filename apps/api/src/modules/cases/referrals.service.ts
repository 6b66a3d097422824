import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { blindIndexInput, formatCaseReference, isProtocolInForce, repeatWindowStart, todayInBrussels, triageDeadline } from '@schakel/domain';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { unprocessable } from '../../common/http/domain-error';
import { recordReferralConsents } from '../consent/referral-consents';
import { CaseKeysService } from '../crypto/case-keys.service';
import { CryptoService } from '../crypto/crypto.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ProtocolsService } from '../protocols/protocols.service';
import type { CreateReferralDto } from './dto/create-referral.dto';
import { CaseAgency } from './entities/case-agency.entity';
import { CaseRecord } from './entities/case.entity';
import { Person } from './entities/person.entity';
import { personColumns } from './person-crypto';
import { TimelineService } from './timeline.service';

@Injectable()
export class ReferralsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly protocols: ProtocolsService,
    private readonly crypto: CryptoService,
    private readonly timeline: TimelineService,
    private readonly caseKeys: CaseKeysService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Aanmelding: one transaction creates the case, its persons (identity encrypted, blind-indexed)
   * and the first timeline line. A repeat referral of any person within 12 months is flagged,
   * without telling the referrer which case it matched.
   */
  async refer(user: AuthenticatedUser, dto: CreateReferralDto) {
    return this.ds.transaction(async (m) => {
      const found = await this.protocols.findWithAgencies(dto.protocolId, m);
      if (!found) throw new NotFoundException('No such protocol');
      const { protocol, agencyIds } = found;
      if (protocol.status !== 'APPROVED')
        throw unprocessable('NO_APPROVED_PROTOCOL', 'This protocol is not approved by the prosecutor: no case can be opened under it');
      if (!isProtocolInForce(protocol, todayInBrussels()))
        throw unprocessable('PROTOCOL_NOT_IN_FORCE', 'This protocol is suspended or outside its validity period');
      if (!agencyIds.includes(user.agencyId)) throw unprocessable('AGENCY_NOT_SIGNATORY', 'Your agency did not sign this protocol');

      const year = Number(todayInBrussels().slice(0, 4));
      const [{ last }] = await m.query(
        `INSERT INTO case_reference_counters (year, last) VALUES ($1, 1)
         ON CONFLICT (year) DO UPDATE SET last = case_reference_counters.last + 1 RETURNING last`,
        [year],
      );
      const indexes = dto.persons.map((p) => this.crypto.blindIndex(blindIndexInput(p.firstName, p.lastName, p.birthDate ?? null)));
      // The most recent earlier case of any of these persons is linked; only those who may see it are shown the link.
      const repeat: { case_id: string }[] = await m.query(
        `SELECT case_id FROM persons WHERE blind_index = ANY($1) AND created_at > $2 ORDER BY created_at DESC LIMIT 1`,
        [indexes, repeatWindowStart(new Date())],
      );
      const repeatReferral = repeat.length > 0;
      const urgent = dto.urgent === true;
      const now = new Date();

      const caseRepo = m.getRepository(CaseRecord);
      const record = await caseRepo.save(
        caseRepo.create({
          reference: formatCaseReference(year, Number(last)),
          protocolId: protocol.id,
          stage: 'AANMELDING',
          stageEnteredAt: new Date(),
          closureReason: null,
          closedAt: null,
          riskLevel: null,
          summary: this.crypto.encrypt(dto.summary, 'cases.summary'),
          incidentDate: dto.incident.date.slice(0, 10),
          incidentTypes: dto.incident.types,
          policeReference: this.crypto.encryptNullable(dto.incident.policeReference, 'cases.police_reference'),
          redFlags: [...dto.redFlags].sort(),
          language: dto.language ?? null,
          informed: dto.informed ?? dto.persons.every((p) => p.informed === true),
          consentGiven: dto.consentGiven ?? dto.persons.every((p) => p.consentGiven === true),
          repeatReferral,
          legalHold: false,
          referrerId: user.id,
          referringAgencyId: user.agencyId,
          directorId: null,
          urgent,
          dangerStatement: urgent ? this.crypto.encrypt(dto.dangerStatement!, 'cases.danger_statement') : null,
          triageDueAt: urgent ? triageDeadline(now) : null,
          triagedAt: null,
          previousCaseId: repeat[0]?.case_id ?? null,
          reopenedAt: null,
          urgentConferenceRequestedAt: null,
        }),
      );
      await m.getRepository(CaseAgency).insert({ caseId: record.id, agencyId: user.agencyId, role: 'REFERRER', invitedBy: null });
      const perPerson = dto.persons.map((p) => ({ informed: p.informed ?? dto.informed ?? false, consentGiven: p.consentGiven ?? dto.consentGiven ?? false }));
      const inserted = await m.getRepository(Person).insert(
        dto.persons.map((p, i) => ({
          caseId: record.id,
          ...personColumns(this.crypto, p),
          blindIndex: indexes[i]!,
          confidentialAddress: p.confidentialAddress ?? false,
          createdByAgencyId: user.agencyId,
          addressAuthorAgencyId: user.agencyId,
          ...perPerson[i]!,
        })),
      );
      const cipher = await this.caseKeys.cipher(record.id, m);
      await recordReferralConsents(
        m,
        cipher,
        record.id,
        inserted.identifiers.map((idf, i) => ({ personId: idf['id'] as string, ...perPerson[i]! })),
        { userId: user.id, agencyId: user.agencyId },
        { agencyIds, dataCategories: protocol.dataCategories },
      );
      await this.timeline.record(m, record.id, user, 'REFERRED', { persons: dto.persons.length, repeatReferral, redFlags: record.redFlags, urgent });
      // Case directors of the signatory agencies decide on acceptance: they hear of every new referral.
      const directors = await this.notifications.usersOf(m, agencyIds, ['case_director']);
      await this.notifications.notify(
        m,
        directors.filter((id) => id !== user.id),
        { type: urgent ? 'URGENT_REFERRAL' : 'NEW_REFERRAL', caseId: record.id, caseReference: record.reference },
      );
      // The first-round shape stays exact for ordinary referrals; urgent ones add their triage deadline.
      return {
        caseId: record.id,
        reference: record.reference,
        stage: 'AANMELDING' as const,
        repeatReferral,
        ...(urgent ? { urgent, triageDueAt: record.triageDueAt!.toISOString() } : {}),
      };
    });
  }
}
