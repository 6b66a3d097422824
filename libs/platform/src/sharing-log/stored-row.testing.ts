// Test support: a sharing-log entry as the STORED_ROW_COLUMNS text query returns it (rowMode 'array'),
// shared by the specs of the text path, the binary path and the parallel ranges.
import type { SharingLogEntry } from './entry';

/** The entry's stored text row; arrays in the entry's order; `version` as stored (2 for v2, else 1). */
export function storedTextRow(e: SharingLogEntry, version: number = e.version === 'v2' ? 2 : 1): unknown[] {
  return [
    e.seq,
    e.at,
    e.caseId,
    e.protocolId,
    e.district,
    `{${e.caseAgencyIds!.join(',')}}`,
    e.contributionId,
    e.fromAgencyId,
    e.fromUserId,
    `{${e.toAgencyIds.join(',')}}`,
    e.legalBasis,
    JSON.stringify(e.categories),
    e.justification ?? null,
    e.consentId,
    e.prevHash,
    e.hash,
    version,
    e.legalReference ?? null,
    e.justificationCommitment ?? null,
  ];
}
