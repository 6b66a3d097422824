import type { EntityManager } from 'typeorm';
import type { DataCategory } from '@schakel/domain';
import type { CaseCipher } from '../crypto/case-cipher';
import { Consent } from './consent.entity';
import { Notice } from './notice.entity';

export interface ReferralPersonConsent {
  personId: string;
  informed: boolean;
  consentGiven: boolean;
}

/**
 * Per-person informing and consent ticked on the referral form, carried into the consent panel:
 * a consent for the protocol's agencies and categories for each person who consented, a notice for
 * each person informed. Nothing is recorded for a box left unticked: "not recorded" stays true.
 */
export async function recordReferralConsents(
  m: EntityManager,
  cipher: CaseCipher,
  caseId: string,
  persons: ReferralPersonConsent[],
  by: { userId: string; agencyId: string },
  scope: { agencyIds: string[]; dataCategories: DataCategory[] },
): Promise<void> {
  const consents = persons
    .filter((p) => p.consentGiven)
    .map((p) => ({
      caseId,
      personId: p.personId,
      status: 'GIVEN' as const,
      method: 'VERBAL' as const,
      scopeAgencyIds: scope.agencyIds,
      scopeDataCategories: scope.dataCategories,
      validUntil: null,
      evidence: cipher.seal('Recorded at referral by the referring agency', 'consents.evidence'),
      recordedBy: by.userId,
      recordedAgencyId: by.agencyId,
    }));
  if (consents.length) await m.getRepository(Consent).insert(consents);
  const notices = persons
    .filter((p) => p.informed)
    .map((p) => ({
      caseId,
      personId: p.personId,
      informedAt: new Date(),
      method: null,
      withheld: false,
      justification: null,
      reviewDate: null,
      recordedBy: by.userId,
    }));
  if (notices.length) await m.getRepository(Notice).insert(notices);
}
