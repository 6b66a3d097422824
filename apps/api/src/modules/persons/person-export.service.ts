import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { birthYearOf } from '@schakel/domain';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { AccessLogService } from '../access-log/access-log.service';
import { agencyNames } from '../agencies/agency-directory';
import { caseOfPerson, personById, personRolesOf } from '../cases/case-directory';
import { personIdentity } from '../cases/person-crypto';
import { consentRecordsOfPerson } from '../consent/consent-directory';
import { CaseKeysService } from '../crypto/case-keys.service';
import { CryptoService } from '../crypto/crypto.service';
import { displayNames } from '../identity/user-directory';
import { assessmentsOfPerson } from '../risk/risk-directory';
import type { PersonExportQuery } from './dto/person-export.query';
import { PersonDisclosure, PersonRelationship } from './person-records.entity';

export const PERSON_EXPORT_FORMAT = 'schakel-person-export/1' as const;

/**
 * GDPR art. 15: everything Schakel holds about one person, who read their case (access log) and with
 * whom it was shared (sharing log), for the DPO to hand over. Sections whose disclosure would endanger
 * someone are withheld with a stated reason (Belgian law of 30 July 2018, art. 14 limits), and the
 * export itself is access-logged.
 */
@Injectable()
export class PersonExportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly crypto: CryptoService,
    private readonly caseKeys: CaseKeysService,
    private readonly accessLog: AccessLogService,
  ) {}

  async export(user: AuthenticatedUser, personId: string, q: PersonExportQuery) {
    const m = this.ds.manager;
    const p = await personById(m, personId);
    if (!p || !user.ability.can('export', 'Person')) throw new NotFoundException('No such person');
    const c = await caseOfPerson(m, p.caseId);
    const cipher = await this.caseKeys.cipher(c.id);
    const identity = personIdentity(this.crypto, p);
    const caseAgencies = c.agencies;
    const [relationships, others, { consents, notices }, assessments, disclosures] = [
      await this.ds.getRepository(PersonRelationship).find({ where: [{ fromPersonId: p.id }, { toPersonId: p.id }], order: { createdAt: 'ASC' } }),
      await personRolesOf(m, c.id),
      await consentRecordsOfPerson(m, p.id),
      await assessmentsOfPerson(m, p.id),
      await this.ds.getRepository(PersonDisclosure).find({ where: { personId: p.id }, order: { createdAt: 'ASC' } }),
    ];
    const log: { seq: string; at: Date; from_agency_id: string; to_agency_ids: string[]; legal_basis: string; categories: string[] }[] = await this.ds.query(
      'SELECT seq, at, from_agency_id, to_agency_ids, legal_basis, categories FROM sharing_log WHERE case_id = $1 ORDER BY seq',
      [c.id],
    );
    const reads: { at: Date; user_id: string; agency_id: string; resource: string }[] = await this.ds.query(
      'SELECT l.at, l.user_id, l.agency_id, l.resource FROM access_log l WHERE l.case_id = $1 ORDER BY l.id',
      [c.id],
    );
    const readers = await displayNames(
      m,
      reads.map((r) => r.user_id),
    );
    const agencyIds = [
      ...new Set([...caseAgencies.map((a) => a.agencyId), ...log.flatMap((e) => [e.from_agency_id, ...e.to_agency_ids]), ...reads.map((r) => r.agency_id)]),
    ];
    const agencies = await agencyNames(m, agencyIds);
    const name = (id: string) => agencies.get(id) ?? id;
    const roleOf = (id: string) => others.find((o) => o.id === id)?.role ?? null;

    const sections = {
      agencies: caseAgencies.map((a) => ({ agency: name(a.agencyId), role: a.role, joinedAt: a.joinedAt.toISOString() })),
      // Other persons are named by their role only: their data are theirs, not this person's.
      relationships: relationships.map((r) => ({
        type: r.type,
        violence: r.violence,
        direction: r.fromPersonId === p.id ? ('FROM_THIS_PERSON' as const) : ('TOWARDS_THIS_PERSON' as const),
        otherPersonRole: roleOf(r.fromPersonId === p.id ? r.toPersonId : r.fromPersonId),
      })),
      consents: consents.map((x) => ({
        status: x.status,
        method: x.method,
        agencies: x.scopeAgencyIds.map(name),
        dataCategories: x.scopeDataCategories,
        validUntil: x.validUntil,
        evidence: cipher.open(x.evidence, 'consents.evidence'),
        recordedAt: x.recordedAt.toISOString(),
        withdrawnAt: x.withdrawnAt?.toISOString() ?? null,
      })),
      notices: notices.map((n) => ({
        informedAt: n.informedAt?.toISOString() ?? null,
        method: n.method,
        withheld: n.withheld,
        reviewDate: n.reviewDate,
        recordedAt: n.recordedAt.toISOString(),
      })),
      riskAssessments: assessments.map((a) => ({
        instrument: a.instrumentKey,
        version: a.instrumentVersion,
        level: a.level,
        indicators: a.indicators,
        assessedAt: a.createdAt.toISOString(),
      })),
      disclosures: disclosures.map((d) => ({
        at: d.createdAt.toISOString(),
        from: name(d.fromAgencyId),
        to: d.toAgencyIds.map(name),
        categories: d.categories,
        legalBasis: d.legalBasis,
        sharingLogSeq: Number(d.logSeq),
      })),
      sharingLog: log.map((e) => ({
        seq: Number(e.seq),
        at: new Date(e.at).toISOString(),
        from: name(e.from_agency_id),
        to: e.to_agency_ids.map(name),
        legalBasis: e.legal_basis,
        categories: e.categories,
      })),
      accessLog: reads.map((r) => ({ at: new Date(r.at).toISOString(), reader: readers.get(r.user_id) ?? '', agency: name(r.agency_id), what: r.resource })),
    };
    const restrict = new Set(q.restrict ?? []);
    for (const s of restrict) delete (sections as Record<string, unknown>)[s];
    await this.accessLog.record(user, c.id, 'PERSON_EXPORT', p.id);
    return {
      format: PERSON_EXPORT_FORMAT,
      generatedAt: new Date().toISOString(),
      person: {
        ...identity,
        birthYear: birthYearOf(identity.birthDate),
        confidentialAddress: p.confidentialAddress,
        informed: p.informed,
        consentGiven: p.consentGiven,
      },
      case: {
        reference: c.reference,
        stage: c.stage,
        createdAt: c.createdAt.toISOString(),
        closedAt: c.closedAt?.toISOString() ?? null,
        closureReason: c.closureReason,
      },
      ...sections,
      restrictions: restrict.size ? { sections: [...restrict], reason: q.restrictionReason! } : null,
    };
  }
}
