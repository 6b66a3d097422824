// The canonical v2 form (canonical.ts, canonicalV2Unchecked) as the literal pieces between its values,
// in its sorted key order: what the byte encoders write between the values they copy (binary-rows.ts
// for stored rows, export-entry-bytes.ts for export entries). One spelling for both; their specs hold
// the bytes they build to entryPreimage().

/** `at` is the only value whose quotes belong to the pieces (it is always a string); every other value brings its own. */
export const CANONICAL_V2_PIECES = {
  at: '\n{"at":"',
  caseAgencyIds: '","caseAgencyIds":',
  caseId: ',"caseId":',
  categories: ',"categories":',
  consentId: ',"consentId":',
  contributionId: ',"contributionId":',
  district: ',"district":',
  fromAgencyId: ',"fromAgencyId":',
  fromUserId: ',"fromUserId":',
  justificationCommitment: ',"justificationCommitment":',
  legalBasis: ',"legalBasis":',
  legalReference: ',"legalReference":',
  protocolId: ',"protocolId":',
  seq: ',"seq":',
  toAgencyIds: ',"toAgencyIds":',
  end: ',"version":"v2"}',
} as const;

/** 1 for the bytes of lower-case hex digits (hashes and commitments). */
export const LOWER_HEX_DIGIT = new Uint8Array(256).map((_, b) => ((b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66) ? 1 : 0));
