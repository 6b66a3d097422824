import { ROLES, type Role } from '@schakel/domain';
import { asSubject } from './as-subject';
import { defineAbilityFor } from './define-ability';
import { abilityFromPacked, packAbility } from './pack';
import { ACTIONS, SUBJECTS } from './subjects';

const actor = (roles: Role[], over: Partial<{ id: string; agencyId: string; district: string }> = {}) => ({
  id: 'u1',
  agencyId: 'a1',
  district: 'Antwerpen',
  roles,
  ...over,
});

const caseIn = (agencyIds: string[], directorId: string | null = 'someone', referrerId: string | null = null) =>
  asSubject('Case', { id: 'c1', agencyIds, directorId, referrerId, protocolAgencyIds: ['a1', 'a2'], district: 'Antwerpen' });

describe('defineAbilityFor', () => {
  it('denies everything to a user without roles', () => {
    const ability = defineAbilityFor(actor([]));
    for (const s of SUBJECTS) expect(ability.can('read', s)).toBe(false);
  });

  it('lets administrators manage accounts and agencies but see no case content', () => {
    const ability = defineAbilityFor(actor(['admin']));
    expect(ability.can('create', 'User')).toBe(true);
    expect(ability.can('update', 'Agency')).toBe(true);
    for (const s of ['Case', 'Person', 'Contribution', 'Consent', 'SharingLog', 'AccessLog', 'Statistics', 'RiskAssessment', 'Action'] as const) {
      expect(ability.can('read', s)).toBe(false);
    }
  });

  it('lets an agency member read a case only when their agency is in it', () => {
    const ability = defineAbilityFor(actor(['agency_member']));
    expect(ability.can('read', caseIn(['a1', 'a2']))).toBe(true);
    expect(ability.can('read', caseIn(['a2']))).toBe(false);
  });

  it('limits a referrer to the reference and stage of what they referred', () => {
    const ability = defineAbilityFor(actor(['referrer']));
    expect(ability.can('read', caseIn(['a9'], null, 'u1'), 'stage')).toBe(true);
    expect(ability.can('read', caseIn(['a9'], null, 'u1'), 'persons')).toBe(false);
    expect(ability.can('read', caseIn(['a9'], null, 'u2'))).toBe(false);
  });

  it('shows an unaccepted referral to case directors of signatory agencies only', () => {
    expect(defineAbilityFor(actor(['case_director'])).can('read', caseIn([], null))).toBe(true);
    expect(defineAbilityFor(actor(['case_director'], { agencyId: 'a7' })).can('read', caseIn([], null))).toBe(false);
  });

  it('lets a contribution be read by its own agency and by agencies it was disclosed to', () => {
    const ability = defineAbilityFor(actor(['agency_member']));
    const c = (agencyId: string, shared: string[]) => asSubject('Contribution', { caseAgencyIds: ['a1', 'a2', 'a3'], agencyId, sharedWithAgencyIds: shared });
    expect(ability.can('read', c('a1', []))).toBe(true);
    expect(ability.can('read', c('a2', ['a1']))).toBe(true);
    expect(ability.can('read', c('a2', ['a3']))).toBe(false);
    expect(ability.can('share', c('a2', ['a1']))).toBe(false);
  });

  it('gives the record of processing to the DPO only', () => {
    expect(defineAbilityFor(actor(['dpo'])).can('read', 'ProcessingRecord')).toBe(true);
    for (const r of ROLES.filter((x) => x !== 'dpo')) expect(defineAbilityFor(actor([r])).can('read', 'ProcessingRecord')).toBe(false);
  });

  it('scopes a prosecutor liaison to protocols and logs of their district', () => {
    const ability = defineAbilityFor(actor(['prosecutor_liaison']));
    expect(ability.can('approve', asSubject('Protocol', { district: 'Antwerpen', agencyIds: [] }))).toBe(true);
    expect(ability.can('approve', asSubject('Protocol', { district: 'Gent', agencyIds: [] }))).toBe(false);
    expect(ability.can('read', asSubject('SharingLog', { district: 'Gent', caseAgencyIds: [] }))).toBe(false);
  });

  it('lets deputies act like the case director, and a same-agency director take over from an inactive one', () => {
    const director = defineAbilityFor(actor(['case_director']));
    const team = (teamIds: string[]) => asSubject('Case', { id: 'c1', agencyIds: ['a2'], directorId: 'd0', teamIds, protocolAgencyIds: [] });
    for (const action of ['transition', 'invite', 'decide', 'evaluate', 'handover', 'reopen'] as const) {
      expect(director.can(action, team(['d0', 'u1']))).toBe(true);
      expect(director.can(action, team(['d0']))).toBe(false);
    }
    const takeover = (directorAgencyId: string, directorActive: boolean) =>
      asSubject('Case', { agencyIds: ['a1'], teamIds: ['d0'], directorAgencyId, directorActive });
    expect(director.can('handover', takeover('a1', false))).toBe(true);
    expect(director.can('handover', takeover('a1', true))).toBe(false);
    expect(director.can('handover', takeover('a2', false))).toBe(false);
  });

  it('lets only the owning agency and the case team update an action', () => {
    const member = defineAbilityFor(actor(['agency_member']));
    const action = (ownerAgencyId: string, caseTeamIds: string[] = []) => asSubject('Action', { caseAgencyIds: ['a1', 'a2'], ownerAgencyId, caseTeamIds });
    expect(member.can('update', action('a1'))).toBe(true);
    expect(member.can('update', action('a2'))).toBe(false);
    expect(defineAbilityFor(actor(['case_director'])).can('update', action('a2', ['u1']))).toBe(true);
  });

  it('lets the referring agency report incidents on its referral', () => {
    const subject = (referringAgencyId: string) => asSubject('Case', { referringAgencyId, agencyIds: [] });
    expect(defineAbilityFor(actor(['referrer'])).can('report', subject('a1'))).toBe(true);
    expect(defineAbilityFor(actor(['referrer'])).can('report', subject('a2'))).toBe(false);
    expect(defineAbilityFor(actor(['dpo'])).can('report', subject('a1'))).toBe(false);
  });

  it('round-trips through packed rules for the SPA', () => {
    for (const role of ROLES) {
      const ability = defineAbilityFor(actor([role]));
      const copy = abilityFromPacked(JSON.parse(JSON.stringify(packAbility(ability))));
      for (const s of SUBJECTS) for (const a of ACTIONS) expect([role, a, s, copy.can(a, s)]).toEqual([role, a, s, ability.can(a, s)]);
      expect(copy.can('read', caseIn(['a1']))).toBe(ability.can('read', caseIn(['a1'])));
    }
  });
});
