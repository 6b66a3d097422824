import { anonymiseCaseRecords } from '../modules/cases/cases.retention';
import { eraseConferenceItems } from '../modules/conferences/conferences.retention';
import { eraseConsentRecords } from '../modules/consent/consent.retention';
import { eraseContributionContent } from '../modules/contributions/contributions.retention';
import { destroyCaseKeys } from '../modules/crypto/crypto.retention';
import { erasePersonRecords } from '../modules/persons/persons.retention';
import { eraseRiskAssessments } from '../modules/risk/risk.retention';
import type { Sql } from './sql';

/**
 * Erasure of cases (retention in the worker, a DPO's order in the API), inside the caller's
 * transaction. Each module erases its own tables; the data key goes last but in the same transaction,
 * so nothing is left half-erased. The sharing log and disclosures are append-only: their text is
 * sealed under the destroyed key, and the chain still verifies.
 */
export async function eraseCases(sql: Sql, caseIds: string[], kind: 'ANONYMISED' | 'ERASED'): Promise<void> {
  if (!caseIds.length) return;
  await eraseRiskAssessments(sql, caseIds);
  await eraseConferenceItems(sql, caseIds);
  await eraseConsentRecords(sql, caseIds);
  await erasePersonRecords(sql, caseIds);
  await eraseContributionContent(sql, caseIds);
  await anonymiseCaseRecords(sql, caseIds, kind);
  await destroyCaseKeys(sql, caseIds);
}

export { selectExpiredCases } from '../modules/cases/cases.retention';
