import { DATA_CATEGORIES, LANGUAGE_REGIMES, PROTOCOL_ROUTES, PROTOCOL_STATUSES } from '@schakel/domain';
import { z } from 'zod/mini';
import { int, isoDate, nullable, pageOf, timestamp, uuid } from './schema';

// /protocols (api.md "Protocols (art. 458ter)").

export const protocolModalitiesSchema = z.strictObject({
  inclusionCriteria: z.array(z.string()),
  chair: z.string(),
  informing: z.string(),
  languageRegime: z.enum(LANGUAGE_REGIMES),
  route: z.enum(PROTOCOL_ROUTES),
});
export type ProtocolModalitiesView = z.infer<typeof protocolModalitiesSchema>;

/** A protocol as lists and commands return it. */
export const protocolSchema = z.strictObject({
  id: uuid(),
  title: z.string(),
  district: z.string(),
  purpose: z.string(),
  agencyIds: z.array(uuid()),
  dataCategories: z.array(z.enum(DATA_CATEGORIES)),
  retentionMonths: int(),
  validFrom: isoDate(),
  validUntil: nullable(isoDate()),
  status: z.enum(PROTOCOL_STATUSES),
  inForce: z.boolean(),
  /** The prosecutor's reference of the approval. */
  reference: nullable(z.string()),
  decisionReason: nullable(z.string()),
  /** The motivation of the approval that put it in force (art. 458ter: a reasoned authorisation). */
  motivation: nullable(z.string()),
  /** Prosecution offices that must all approve; empty: one liaison of the district. */
  approverAgencyIds: z.array(uuid()),
  modalities: nullable(protocolModalitiesSchema),
  revision: int(),
  amendsId: nullable(uuid()),
  submittedAt: nullable(timestamp()),
  decidedAt: nullable(timestamp()),
  version: int(),
  createdAt: timestamp(),
});
export type Protocol = z.infer<typeof protocolSchema>;
export const protocolPageSchema = pageOf(protocolSchema);

/** GET /protocols/:id: with its approvals, what is still pending, and its history. */
export const protocolDetailSchema = z.extend(protocolSchema, {
  approvals: z.array(z.strictObject({ agencyId: uuid(), reference: z.string(), motivation: z.string(), approvedBy: uuid(), approvedAt: timestamp() })),
  pendingApproverAgencyIds: z.array(uuid()),
  events: z.array(
    z.strictObject({ at: timestamp(), type: z.string(), actorId: nullable(uuid()), reason: nullable(z.string()), detail: z.record(z.string(), z.unknown()) }),
  ),
});
export type ProtocolDetail = z.infer<typeof protocolDetailSchema>;

/** GET /protocols/:id/confidentiality: the statement in force and when the caller acknowledged it. */
export const confidentialityStatementSchema = z.strictObject({
  protocolId: uuid(),
  statementVersion: int(),
  statement: z.strictObject({ nl: z.string(), fr: z.string(), en: z.string() }),
  acknowledgedAt: nullable(timestamp()),
});
export type ConfidentialityStatement = z.infer<typeof confidentialityStatementSchema>;
/** POST /protocols/:id/acknowledgements; acknowledging again keeps the first time. */
export const confidentialityAcknowledgementSchema = z.extend(confidentialityStatementSchema, { userId: uuid(), acknowledgedAt: timestamp() });

/** GET /protocols/:id/access-list: who under the protocol acknowledged which statement version. */
export const accessListSchema = z.strictObject({
  protocolId: uuid(),
  statementVersion: int(),
  items: z.array(
    z.strictObject({
      userId: uuid(),
      displayName: z.string(),
      agencyId: uuid(),
      agencyName: z.string(),
      roles: z.array(z.string()),
      acknowledgedAt: nullable(timestamp()),
      statementVersion: nullable(int()),
      current: z.boolean(),
    }),
  ),
});
export type AccessListEntry = z.infer<typeof accessListSchema>['items'][number];
