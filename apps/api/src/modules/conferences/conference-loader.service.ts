import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Action } from '@schakel/authz';
import type { DecisionType } from '@schakel/domain';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { assertRowAccess } from '../../common/auth/row-access';
import { CaseAccessService } from '../cases/case-access.service';
import { agencyNames } from '../agencies/agency-directory';
import { caseReferences } from '../cases/case-directory';
import { staffByIds } from '../identity/user-directory';
import type { CaseCipher } from '../crypto/case-cipher';
import { conferenceSubject } from './conference.view';
import { ConferenceInvitee } from './entities/conference-invitee.entity';
import type { ConferenceItem } from './entities/conference-item.entity';
import { Conference } from './entities/conference.entity';
import type { SealedMinutesItem } from './minutes-seal';

// The column name is bound into each ciphertext, so a value cannot be swapped into another column.
export const MINUTES = 'conference_items.minutes';
export const RATIONALE = 'conference_items.decisions.rationale';

export interface Loaded {
  conference: Conference;
  invitees: ConferenceInvitee[];
}
export interface Professional {
  name: string;
  agencyId: string;
  agency: string;
}

/**
 * What the three conference services share: loading a conference under its row rules, batch
 * look-ups (people, case references, who may read which minutes) and the minutes' decryption.
 */
@Injectable()
export class ConferenceLoader {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cases: CaseAccessService,
  ) {}

  /** Loads a conference and applies the row rules: 404 unless chair or invitee, 403 for an action the caller may not do here. */
  async load(user: AuthenticatedUser, id: string, action: Action, m: EntityManager = this.ds.manager, lock = false): Promise<Loaded> {
    const conference = await m.getRepository(Conference).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!conference) throw new NotFoundException('No such conference');
    const invitees = await m.getRepository(ConferenceInvitee).find({ where: { conferenceId: id }, order: { invitedAt: 'ASC', userId: 'ASC' } });
    assertRowAccess(user, action, 'Conference', conferenceSubject(conference, invitees), 'conference');
    return { conference, invitees };
  }

  /**
   * The agenda items whose minutes the caller may read: all for the chair; otherwise those the caller
   * attended, and those of cases their agency is part of with full access — decided for the whole
   * agenda with one batch of case look-ups, not one per item.
   */
  async readableMinutes(
    user: AuthenticatedUser,
    c: Conference,
    items: ConferenceItem[],
    m: EntityManager = this.ds.manager,
    gate: 'throw' | 'skip' = 'throw',
  ): Promise<ConferenceItem[]> {
    if (c.chairId === user.id) return items;
    const attended = new Set(items.filter((i) => i.attendance.some((a) => a.userId === user.id && a.present)).map((i) => i.caseId));
    const rest = items.filter((i) => !attended.has(i.caseId)).map((i) => i.caseId);
    const partner = new Set(
      (await this.cases.loadMany(user, rest, 'read', m, false, gate))
        .filter((ctx) => ctx.agencyIds.includes(user.agencyId) && this.cases.canSeeContent(user, ctx))
        .map((ctx) => ctx.record.id),
    );
    return items.filter((i) => attended.has(i.caseId) || partner.has(i.caseId));
  }

  references(m: EntityManager, caseIds: string[]): Promise<Map<string, string>> {
    return caseReferences(m, caseIds);
  }

  /** Display names and agencies of professionals (never family members). */
  async people(m: EntityManager, userIds: string[]): Promise<Map<string, Professional>> {
    const staff = await staffByIds(m, userIds);
    const agencies = await agencyNames(
      m,
      staff.map((u) => u.agencyId),
    );
    return new Map(staff.map((u) => [u.id, { name: u.displayName, agencyId: u.agencyId, agency: agencies.get(u.agencyId) ?? '' }]));
  }

  /** Minutes and rationales are free text under the case's data key (ADR 0009). */
  sealedItem(i: ConferenceItem, references: Map<string, string>, cipher: CaseCipher): SealedMinutesItem {
    return {
      caseId: i.caseId,
      reference: references.get(i.caseId) ?? '',
      position: i.position,
      minutes: cipher.open(i.minutes, MINUTES),
      attendance: i.attendance.map((a) => ({ userId: a.userId, present: a.present })),
      decisions: i.decisions.map((d) => ({ type: d.type, rationale: cipher.open(d.rationale, RATIONALE) ?? '' })),
    };
  }

  itemMinutesView(i: ConferenceItem, cipher: CaseCipher) {
    return {
      minutes: cipher.open(i.minutes, MINUTES),
      attendance: i.attendance,
      decisions: i.decisions.map((d) => ({ type: d.type as DecisionType, rationale: cipher.open(d.rationale, RATIONALE) ?? '' })),
      minutesBy: i.minutesBy,
      minutesAt: i.minutesAt?.toISOString() ?? null,
      version: i.version,
    };
  }
}

export function inviteeView(i: Pick<ConferenceInvitee, 'userId' | 'acknowledgedAt'>, people: Map<string, Professional>) {
  const p = people.get(i.userId);
  return {
    userId: i.userId,
    name: p?.name ?? null,
    agencyId: p?.agencyId ?? null,
    agency: p?.agency ?? null,
    acknowledgedAt: i.acknowledgedAt?.toISOString() ?? null,
  };
}
