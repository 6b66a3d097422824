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
  events: z.array(z.strictObject({ at: timestamp(), type: z.string(), actorId: nullable(uuid()), reason: nullable(z.string()), detail: z.record(z.string(), z.unknown()) })),
});
export type ProtocolDetail = z.infer<typeof protocolDetailSchema>;
