import type { EntityManager } from 'typeorm';
import type { ConsentMethod, ConsentStatus, DataCategory } from '@schakel/domain';
import { Consent } from './consent.entity';
import { Notice } from './notice.entity';

/**
 * How other modules read consents and notices (the consent module owns `consents` and `notices`):
 * plain values, never the entities. Evidence stays sealed under the case key (the caller opens it).
 */
export interface ConsentTerms {
  id: string;
  personId: string;
  status: ConsentStatus;
  method: ConsentMethod;
  scopeAgencyIds: string[];
  scopeDataCategories: DataCategory[];
  validUntil: string | null;
  withdrawnAt: Date | null;
  recordedAt: Date;
  evidence: string | null;
}

const terms = (c: Consent): ConsentTerms => ({
  id: c.id,
  personId: c.personId,
  status: c.status,
  method: c.method,
  scopeAgencyIds: c.scopeAgencyIds,
  scopeDataCategories: c.scopeDataCategories,
  validUntil: c.validUntil,
  withdrawnAt: c.withdrawnAt,
  recordedAt: c.recordedAt,
  evidence: c.evidence,
});

/** A consent of this case (and, when given, of this person), or null. */
export async function consentOf(m: EntityManager, caseId: string, consentId: string, personId?: string): Promise<ConsentTerms | null> {
  const c = await m.getRepository(Consent).findOneBy({ id: consentId, caseId, ...(personId ? { personId } : {}) });
  return c ? terms(c) : null;
}

/** The consents of a case that are given (withdrawn and refused ones are not). */
export async function givenConsents(m: EntityManager, caseId: string): Promise<ConsentTerms[]> {
  return (await m.getRepository(Consent).findBy({ caseId, status: 'GIVEN' })).map(terms);
}

/** Everything recorded about one person's consent and information, oldest first (GDPR export). */
export async function consentRecordsOfPerson(m: EntityManager, personId: string) {
  const [consents, notices] = [
    await m.getRepository(Consent).find({ where: { personId }, order: { recordedAt: 'ASC' } }),
    await m.getRepository(Notice).find({ where: { personId }, order: { recordedAt: 'ASC' } }),
  ];
  return {
    consents: consents.map(terms),
    notices: notices.map((n) => ({ informedAt: n.informedAt, method: n.method, withheld: n.withheld, reviewDate: n.reviewDate, recordedAt: n.recordedAt })),
  };
}
