// Conference rules: the lifecycle SCHEDULED → IN_PROGRESS → CLOSED, who may take part, and whether a
// conference is held on the day it was planned.

import { todayInBrussels } from './dates';
import type { Role } from './enums';

export const CONFERENCE_STATUSES = ['SCHEDULED', 'IN_PROGRESS', 'CLOSED'] as const;
export type ConferenceStatus = (typeof CONFERENCE_STATUSES)[number];

export type ConferenceCommand = 'start' | 'close' | 'minutes' | 'acknowledge';

export interface ConferenceRefusal {
  code: 'CONFERENCE_STATE' | 'MINUTES_LOCKED';
  message: string;
}

/** May this command run on a conference in `status`? Null when it may; the 409 refusal otherwise. */
export function checkConferenceCommand(status: ConferenceStatus, command: ConferenceCommand): ConferenceRefusal | null {
  switch (command) {
    case 'start':
      return status === 'SCHEDULED' ? null : { code: 'CONFERENCE_STATE', message: `Only a scheduled conference can start; this one is ${status}` };
    case 'close':
      return status === 'IN_PROGRESS' ? null : { code: 'CONFERENCE_STATE', message: `Only a conference in progress can close; this one is ${status}` };
    case 'minutes':
      if (status === 'CLOSED') return { code: 'MINUTES_LOCKED', message: 'The conference is closed: its minutes are sealed and cannot change' };
      return status === 'IN_PROGRESS' ? null : { code: 'CONFERENCE_STATE', message: 'Minutes are taken while the conference is in progress; start it first' };
    case 'acknowledge':
      return status === 'CLOSED' ? { code: 'CONFERENCE_STATE', message: 'The conference is closed' } : null;
  }
}

/** Roles whose holders take part in a conference of agencies that are part of it (case teams and partners). */
const PARTNER_ROLES: readonly Role[] = ['case_director', 'agency_member'];

export interface Candidate {
  active: boolean;
  roles: readonly Role[];
  agencyId: string;
  district: string;
}

/**
 * May this person be invited to a conference whose lawful audience is these agencies (the
 * protocol's signatories and the agenda cases' agencies) in this district? Partners of those
 * agencies (case directors and agency members, police liaison officers among them) may; so may the
 * district's prosecutor liaisons, whose office oversees the protocol. Admins, DPOs and referrers
 * only do not attend.
 */
export function mayAttendConference(u: Candidate, audience: { agencyIds: ReadonlySet<string> | readonly string[]; district: string }): boolean {
  if (!u.active) return false;
  const agencies = audience.agencyIds instanceof Set ? audience.agencyIds : new Set(audience.agencyIds as readonly string[]);
  if (agencies.has(u.agencyId) && u.roles.some((r) => PARTNER_ROLES.includes(r))) return true;
  return u.roles.includes('prosecutor_liaison') && u.district === audience.district;
}

/** Is the conference held on the (Brussels) day it was planned? */
export function isPlannedDay(scheduledAt: Date, now: Date = new Date()): boolean {
  return todayInBrussels(scheduledAt) === todayInBrussels(now);
}
