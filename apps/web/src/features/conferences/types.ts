import type { DecisionType, RedFlagCode, RiskLevel, Stage } from '@schakel/domain';

// Shapes of /conferences (apps/api conferences.service.ts).

export type ConferenceStatus = 'SCHEDULED' | 'IN_PROGRESS' | 'CLOSED';

export interface ConferenceBase {
  id: string;
  protocolId: string;
  chairId: string;
  scheduledAt: string;
  location: string;
  status: ConferenceStatus;
  startedAt: string | null;
  closedAt: string | null;
  seal: { minutesHash: string; signature: string; publicKey: string; algorithm: 'Ed25519' } | null;
  version: number;
  createdAt: string;
}

export interface ConferenceListItem extends ConferenceBase {
  myRole: 'CHAIR' | 'INVITEE';
  acknowledgedAt: string | null;
  agendaItems: number;
}

export interface Attendance {
  userId: string;
  present: boolean;
}

export interface ItemMinutes {
  minutes: string | null;
  attendance: Attendance[];
  decisions: { type: DecisionType; rationale: string }[];
  minutesBy: string | null;
  minutesAt: string | null;
  version: number;
}

interface AgendaBase {
  position: number;
  caseId: string;
  reference: string;
  stage: Stage;
}
export interface LimitedAgendaItem extends AgendaBase {
  limited: true;
}
export interface FullAgendaItem extends AgendaBase {
  limited: false;
  /** Number of persons per role. */
  persons: Record<string, number>;
  riskLevel: RiskLevel | null;
  redFlags: RedFlagCode[];
  /** The chair only. */
  minutes?: ItemMinutes;
}
export type AgendaItem = LimitedAgendaItem | FullAgendaItem;

export interface Invitee {
  userId: string;
  name: string | null;
  agencyId: string | null;
  agency: string | null;
  acknowledgedAt: string | null;
}

export interface ConferenceDetail extends ConferenceBase {
  chair: { userId: string; name: string | null; agencyId: string; agency: string | null };
  myRole: 'CHAIR' | 'INVITEE';
  acknowledgedAt: string | null;
  confidentiality: { version: string; text: string };
  invitees: Invitee[];
  agenda: AgendaItem[];
  /** False when today (Brussels) is not the planned day: the chair confirms before starting. */
  plannedForToday?: boolean;
}

export interface InvitablePerson {
  id: string;
  displayName: string;
  agencyId: string;
  agencyName: string | null;
}
