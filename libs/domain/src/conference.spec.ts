import { checkConferenceCommand, isPlannedDay, mayAttendConference } from './conference';

describe('conference lifecycle', () => {
  it('starts a scheduled conference and closes one in progress, nothing else', () => {
    expect(checkConferenceCommand('SCHEDULED', 'start')).toBeNull();
    expect(checkConferenceCommand('IN_PROGRESS', 'start')?.code).toBe('CONFERENCE_STATE');
    expect(checkConferenceCommand('IN_PROGRESS', 'close')).toBeNull();
    expect(checkConferenceCommand('SCHEDULED', 'close')?.code).toBe('CONFERENCE_STATE');
    expect(checkConferenceCommand('CLOSED', 'close')?.code).toBe('CONFERENCE_STATE');
  });

  it('takes minutes only while in progress, and locks them once closed', () => {
    expect(checkConferenceCommand('IN_PROGRESS', 'minutes')).toBeNull();
    expect(checkConferenceCommand('SCHEDULED', 'minutes')?.code).toBe('CONFERENCE_STATE');
    expect(checkConferenceCommand('CLOSED', 'minutes')?.code).toBe('MINUTES_LOCKED');
  });

  it('accepts acknowledgements until the conference closes', () => {
    expect(checkConferenceCommand('SCHEDULED', 'acknowledge')).toBeNull();
    expect(checkConferenceCommand('IN_PROGRESS', 'acknowledge')).toBeNull();
    expect(checkConferenceCommand('CLOSED', 'acknowledge')?.code).toBe('CONFERENCE_STATE');
  });
});

describe('who may attend', () => {
  const audience = { agencyIds: new Set(['caw', 'police']), district: 'Antwerpen' };
  const person = (roles: string[], agencyId = 'caw', over: Partial<{ active: boolean; district: string }> = {}) => ({
    active: true,
    roles: roles as never,
    agencyId,
    district: 'Antwerpen',
    ...over,
  });

  it('admits partners of the audience agencies, police liaison officers among them', () => {
    expect(mayAttendConference(person(['agency_member']), audience)).toBe(true);
    expect(mayAttendConference(person(['case_director'], 'police'), audience)).toBe(true);
    expect(mayAttendConference(person(['agency_member'], 'cgg'), audience)).toBe(false);
  });

  it("admits the district's prosecutor liaisons", () => {
    expect(mayAttendConference(person(['prosecutor_liaison'], 'parket'), audience)).toBe(true);
    expect(mayAttendConference(person(['prosecutor_liaison'], 'parket', { district: 'Gent' }), audience)).toBe(false);
  });

  it('refuses inactive accounts, admins, DPOs and referrers only', () => {
    expect(mayAttendConference(person(['agency_member'], 'caw', { active: false }), audience)).toBe(false);
    for (const r of ['admin', 'dpo', 'referrer']) expect(mayAttendConference(person([r]), audience)).toBe(false);
  });
});

describe('the planned day', () => {
  it('compares Brussels calendar days', () => {
    expect(isPlannedDay(new Date('2026-12-14T13:00:00Z'), new Date('2026-12-14T22:30:00Z'))).toBe(true);
    // 23:30 UTC on the 14th is already the 15th in Brussels.
    expect(isPlannedDay(new Date('2026-12-14T13:00:00Z'), new Date('2026-12-14T23:30:00Z'))).toBe(false);
    expect(isPlannedDay(new Date('2026-12-14T13:00:00Z'), new Date('2026-12-13T13:00:00Z'))).toBe(false);
  });
});
