import { CONFERENCE_STATUSES, DECISION_TYPES, RED_FLAG_CODES, RISK_LEVELS, STAGES } from '@schakel/domain';
import { z } from 'zod/mini';
import { int, isoDate, nullable, optional, pageOf, timestamp, uuid } from './schema';

// /conferences (api-extensions.md, "Case conferences"; ADR 0005).

const conferenceShape = {
  id: uuid(),
  protocolId: uuid(),
  chairId: uuid(),
  scheduledAt: timestamp(),
  location: z.string(),
  status: z.enum(CONFERENCE_STATUSES),
  startedAt: nullable(timestamp()),
  closedAt: nullable(timestamp()),
  /** The signed minutes, once closed. */
  seal: nullable(z.strictObject({ minutesHash: z.string(), signature: z.string(), publicKey: z.string(), algorithm: z.literal('Ed25519') })),
  version: int(),
  createdAt: timestamp(),
};
const myRole = z.enum(['CHAIR', 'INVITEE']);

/** A conference as commands (create, close) return it. */
export const conferenceSchema = z.strictObject(conferenceShape);
export type Conference = z.infer<typeof conferenceSchema>;
export type ConferenceStatus = Conference['status'];

export const conferenceListItemSchema = z.strictObject({
  ...conferenceShape,
  myRole,
  acknowledgedAt: nullable(timestamp()),
  agendaItems: int(),
});
export type ConferenceListItem = z.infer<typeof conferenceListItemSchema>;
export const conferencePageSchema = pageOf(conferenceListItemSchema);

export const itemMinutesSchema = z.strictObject({
  minutes: nullable(z.string()),
  attendance: z.array(z.strictObject({ userId: uuid(), present: z.boolean() })),
  decisions: z.array(z.strictObject({ type: z.enum(DECISION_TYPES), rationale: z.string() })),
  minutesBy: nullable(uuid()),
  minutesAt: nullable(timestamp()),
  version: int(),
});
export type ItemMinutes = z.infer<typeof itemMinutesSchema>;

const agendaBase = { position: int(), caseId: uuid(), reference: z.string(), stage: z.enum(STAGES) };
/** Reference and stage only, until the caller acknowledged confidentiality. */
export const limitedAgendaItemSchema = z.strictObject({ ...agendaBase, limited: z.literal(true) });
export const fullAgendaItemSchema = z.strictObject({
  ...agendaBase,
  limited: z.literal(false),
  /** Number of persons per role. */
  persons: z.record(z.string(), int()),
  riskLevel: nullable(z.enum(RISK_LEVELS)),
  redFlags: z.array(z.enum(RED_FLAG_CODES)),
  /** The chair's, and after closing those the caller may read. */
  minutes: optional(itemMinutesSchema),
});
export type LimitedAgendaItem = z.infer<typeof limitedAgendaItemSchema>;
export type FullAgendaItem = z.infer<typeof fullAgendaItemSchema>;
export type AgendaItem = LimitedAgendaItem | FullAgendaItem;

export const inviteeSchema = z.strictObject({
  userId: uuid(),
  name: nullable(z.string()),
  agencyId: nullable(uuid()),
  agency: nullable(z.string()),
  acknowledgedAt: nullable(timestamp()),
});
export type Invitee = z.infer<typeof inviteeSchema>;

/** GET /conferences/:id. */
export const conferenceDetailSchema = z.strictObject({
  ...conferenceShape,
  /** False when today (Brussels) is not the planned day: the chair confirms before starting. */
  plannedForToday: z.boolean(),
  protocol: nullable(z.strictObject({ id: uuid(), title: z.string(), reference: nullable(z.string()) })),
  chair: z.strictObject({ userId: uuid(), name: nullable(z.string()), agencyId: uuid(), agency: nullable(z.string()) }),
  myRole,
  acknowledgedAt: nullable(timestamp()),
  confidentiality: z.strictObject({ version: z.string(), text: z.string() }),
  invitees: z.array(inviteeSchema),
  agenda: z.array(z.union([limitedAgendaItemSchema, fullAgendaItemSchema])),
});
export type ConferenceDetail = z.infer<typeof conferenceDetailSchema>;

/** GET /conferences/invitable. */
export const invitableListSchema = z.strictObject({
  items: z.array(z.strictObject({ id: uuid(), displayName: z.string(), agencyId: uuid(), agencyName: nullable(z.string()) })),
});
export type InvitablePerson = z.infer<typeof invitableListSchema>['items'][number];

/** POST /conferences: the scheduled conference with its agenda (reference and stage) and invitees. */
export const scheduledConferenceSchema = z.strictObject({
  ...conferenceShape,
  agenda: z.array(z.strictObject(agendaBase)),
  invitees: z.array(inviteeSchema),
});
export type ScheduledConference = z.infer<typeof scheduledConferenceSchema>;

/** POST /conferences/:id/acknowledge: the confidentiality statement confirmed (repeating keeps the first time). */
export const conferenceAcknowledgementSchema = z.strictObject({
  conferenceId: uuid(),
  userId: uuid(),
  acknowledgedAt: timestamp(),
  statementVersion: nullable(z.string()),
  statement: z.string(),
});
export type ConferenceAcknowledgement = z.infer<typeof conferenceAcknowledgementSchema>;

/** POST /conferences/:id/start: the conference in progress; held on another day than planned and not confirmed, a warning. */
export const startedConferenceSchema = z.strictObject({
  ...conferenceShape,
  /** The chair confirmed holding it on another day than planned. */
  dateConfirmed: z.boolean(),
  warnings: z.array(z.strictObject({ code: z.literal('CONFERENCE_NOT_TODAY'), message: z.string(), plannedFor: isoDate() })),
});
export type StartedConference = z.infer<typeof startedConferenceSchema>;

/** PUT /conferences/:id/items/:caseId/minutes: the item's minutes as saved. */
export const savedItemMinutesSchema = z.strictObject({
  conferenceId: uuid(),
  caseId: uuid(),
  position: int(),
  ...itemMinutesSchema.def.shape,
});
export type SavedItemMinutes = z.infer<typeof savedItemMinutesSchema>;
