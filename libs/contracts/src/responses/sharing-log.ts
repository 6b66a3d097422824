import { DATA_CATEGORIES, DISCLOSURE_REFUSAL_CODES, LEGAL_BASES } from '@schakel/domain';
import { z } from 'zod/mini';
import { useRestrictionSchema } from './casework';
import { int, nullable, optional, pageOf, timestamp } from './schema';

// The sharing log as a C2SP transparency log (ADR 0004, ADR 0006; api.md "Logs").

/** GET /sharing-log/checkpoint: the latest signed checkpoint (or the one of `size`) and its cosignatures. */
export const checkpointSchema = z.strictObject({
  origin: z.string(),
  size: int(),
  /** Base64; null while the log is empty. */
  rootHash: nullable(z.string()),
  /** The signed C2SP checkpoint note; null while the log is empty. */
  note: nullable(z.string()),
  signedAt: optional(timestamp()),
  cosignatures: z.array(z.strictObject({ name: z.string(), keyId: z.string(), at: timestamp() })),
  /** The note with the witnesses' signature lines added. */
  cosignedNote: optional(z.string()),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

/** GET /sharing-log/public-key: the checkpoint signing key, to check notes and exports against (get it confirmed out of band). */
export const sharingLogPublicKeySchema = z.strictObject({
  algorithm: z.literal('Ed25519'),
  /** Base64 SPKI DER. */
  publicKey: z.string(),
});
export type SharingLogPublicKey = z.infer<typeof sharingLogPublicKeySchema>;

/** GET /sharing-log/verify: the whole log recomputed and checked against the signed checkpoints. */
export const chainVerdictSchema = z.strictObject({
  valid: z.boolean(),
  entries: int(),
  treeSize: int(),
  /** Base64 root of the recomputed tree. */
  rootHash: z.string(),
  firstBrokenSeq: optional(int()),
  reason: optional(z.string()),
  checkpoint: nullable(z.strictObject({ seq: int(), size: int(), at: timestamp(), valid: z.boolean() })),
});
export type ChainVerdict = z.infer<typeof chainVerdictSchema>;

/** GET /sharing-log/proofs/inclusion: RFC 9162 inclusion proof (hashes in base64). */
export const inclusionProofSchema = z.strictObject({
  leafIndex: int(),
  treeSize: int(),
  hashes: z.array(z.string()),
  leafHash: z.string(),
  rootHash: z.string(),
});
export type InclusionProof = z.infer<typeof inclusionProofSchema>;

/** GET /sharing-log/proofs/consistency: RFC 9162 consistency proof (hashes in base64). */
export const consistencyProofSchema = z.strictObject({ from: int(), to: int(), hashes: z.array(z.string()), fromRootHash: z.string(), toRootHash: z.string() });
export type ConsistencyProof = z.infer<typeof consistencyProofSchema>;

/** PUT /me/witness-key. */
export const witnessKeySchema = z.strictObject({ name: nullable(z.string()), keyId: nullable(z.string()), publicKey: z.string() });
export type WitnessKey = z.infer<typeof witnessKeySchema>;

/** POST /sharing-log/cosignatures. */
export const cosignatureSchema = z.strictObject({ size: int(), name: z.string(), keyId: z.string(), at: timestamp() });
export type Cosignature = z.infer<typeof cosignatureSchema>;

/** GET /cases/:id/contributions/:cid/legal-bases: per legal basis, open now or the refusals that stand in the way. */
export const legalBasisOptionListSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      legalBasis: z.enum(LEGAL_BASES),
      available: z.boolean(),
      reasons: z.array(
        z.strictObject({
          code: z.enum(DISCLOSURE_REFUSAL_CODES),
          message: z.string(),
          agencyIds: optional(z.array(z.guid())),
          categories: optional(z.array(z.enum(DATA_CATEGORIES))),
        }),
      ),
      /** The dialog asks for a written justification, the person, the danger statement or the provision. */
      requiresJustification: z.boolean(),
      requiresPerson: z.boolean(),
      requiresDangerStatement: z.boolean(),
      requiresProvision: z.boolean(),
      /** Every disclosure on this basis is reviewed by the DPO afterwards. */
      dpoReview: z.boolean(),
      /** Plain language: when this basis applies. */
      appliesWhen: z.string(),
      /** CONSENT only: the consents in force that cover these recipients and categories. */
      consentIds: optional(z.array(z.guid())),
      /** The article applying today. */
      reference: nullable(z.string()),
    }),
  ),
});
export type LegalBasisOption = z.infer<typeof legalBasisOptionListSchema>['items'][number];
export type Refusal = LegalBasisOption['reasons'][number];

// The log's entries (libs/platform `SharingLogEntry`): the hashed fields, the chain links, and the
// display fields beside them.
const entryFields = {
  seq: int(),
  at: timestamp(),
  caseId: z.guid(),
  protocolId: z.guid(),
  contributionId: nullable(z.guid()),
  fromAgencyId: z.guid(),
  fromUserId: z.guid(),
  toAgencyIds: z.array(z.guid()),
  legalBasis: z.enum(LEGAL_BASES),
  categories: z.array(z.enum(DATA_CATEGORIES)),
  /** Null after erasure, or when none was given. */
  justification: nullable(z.string()),
  consentId: nullable(z.guid()),
  /** Absent: v1 (entries written before the second round). */
  version: optional(z.enum(['v1', 'v2'])),
  district: optional(z.string()),
  caseAgencyIds: optional(z.array(z.guid())),
  legalReference: optional(nullable(z.string())),
  /** v2: hex HMAC-SHA256 of the justification under its nonce. */
  justificationCommitment: optional(nullable(z.string())),
  prevHash: z.string(),
  hash: z.string(),
};
const namedAgency = z.strictObject({ id: z.guid(), name: nullable(z.string()) });
/** Display data outside the hash (contribution disclosures): the provision and the art. 458ter §2 use restriction. */
const annotationFields = { provision: optional(nullable(z.string())), useRestriction: optional(nullable(useRestrictionSchema)) };

/** GET /sharing-log: one entry as the review screen shows it, newest first. */
export const sharingLogEntrySchema = z.strictObject({
  ...entryFields,
  legalReference: nullable(z.string()),
  fromAgency: namedAgency,
  toAgencies: z.array(namedAgency),
  caseReference: nullable(z.string()),
  ...annotationFields,
});
export type SharingLogEntry = z.infer<typeof sharingLogEntrySchema>;
export const sharingLogPageSchema = pageOf(sharingLogEntrySchema);
export type SharingLogPage = z.infer<typeof sharingLogPageSchema>;

/** GET /sharing-log/export: every entry up to a checkpoint signed at the head, verifiable offline. */
export const sharingLogExportSchema = z.strictObject({
  format: z.literal('schakel-sharing-log-export/2'),
  exportedAt: timestamp(),
  checkpoint: z.strictObject({ origin: z.string(), size: int(), rootHash: z.string(), note: z.string() }),
  publicKeyPem: z.string(),
  verifierKey: z.string(),
  entries: z.array(
    z.union([
      // The export format (libs/platform `SharingLogExportV2`) carries the hashed fields as the verifier reads them: strings.
      z.strictObject({
        ...entryFields,
        legalBasis: z.string(),
        categories: z.array(z.string()),
        justificationNonce: optional(nullable(z.string())),
        ...annotationFields,
      }),
      /** An entry outside the reader's scope: its place in the chain and its leaf hash only. */
      z.strictObject({ seq: int(), prevHash: z.string(), hash: z.string(), redacted: z.literal(true), leafHash: optional(z.string()) }),
    ]),
  ),
});
export type SharingLogExport = z.infer<typeof sharingLogExportSchema>;

/** POST /cases/:id/contributions/:cid/disclosures: the disclosure and its sharing-log entry. */
export const disclosureSchema = z.strictObject({
  disclosureId: z.guid(),
  ...entryFields,
  legalReference: nullable(z.string()),
  fromAgency: namedAgency,
  toAgencies: z.array(namedAgency),
  personId: nullable(z.guid()),
  dangerStatement: nullable(z.string()),
  provision: nullable(z.string()),
  useRestriction: nullable(useRestrictionSchema),
  /** Present when the legal basis is reviewed by the DPO afterwards. */
  reviewStatus: optional(z.literal('PENDING')),
});
export type Disclosure = z.infer<typeof disclosureSchema>;

/** POST /cases/:id/persons/:pid/disclosures: the person disclosure and its sharing-log entry. */
export const personDisclosureSchema = z.strictObject({
  id: z.guid(),
  personId: z.guid(),
  ...entryFields,
  legalReference: nullable(z.string()),
});
export type PersonDisclosure = z.infer<typeof personDisclosureSchema>;

const review = z.strictObject({
  outcome: z.enum(['REVIEWED', 'QUESTIONED']),
  note: nullable(z.string()),
  reviewedBy: nullable(z.guid()),
  reviewedAt: timestamp(),
});

/** GET /sharing-log/reviews: disclosures under the state of necessity, newest first, with the DPO's review. */
export const disclosureReviewSchema = z.strictObject({
  seq: int(),
  at: timestamp(),
  disclosureId: z.guid(),
  caseId: z.guid(),
  caseReference: z.string(),
  fromAgency: namedAgency,
  toAgencyIds: z.array(z.guid()),
  legalBasis: z.literal('NECESSITY'),
  legalReference: nullable(z.string()),
  /** Null once the case's personal data were erased. */
  dangerStatement: nullable(z.string()),
  justification: nullable(z.string()),
  reviewStatus: z.enum(['PENDING', 'REVIEWED', 'QUESTIONED']),
  review: nullable(review),
});
export type DisclosureReview = z.infer<typeof disclosureReviewSchema>;
export const disclosureReviewPageSchema = pageOf(disclosureReviewSchema);

/** POST /sharing-log/reviews/:seq: the DPO's review of one disclosure. */
export const disclosureReviewOutcomeSchema = z.strictObject({
  seq: int(),
  disclosureId: z.guid(),
  reviewStatus: z.enum(['REVIEWED', 'QUESTIONED']),
  review,
});
export type DisclosureReviewOutcome = z.infer<typeof disclosureReviewOutcomeSchema>;
