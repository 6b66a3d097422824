import { PROTOCOL_STATUSES, type ProtocolStatus } from './enums';
import { PROTOCOL_ACTIONS, approvalProgress, checkProtocolTransition, isProtocolEditable, isProtocolInForce, type ProtocolAction } from './protocol';

describe('checkProtocolTransition', () => {
  const ALLOWED: Partial<Record<`${ProtocolStatus}:${ProtocolAction}`, ProtocolStatus>> = {
    'DRAFT:submit': 'SUBMITTED',
    'SUBMITTED:approve': 'APPROVED',
    'SUBMITTED:reject': 'REJECTED',
    'APPROVED:suspend': 'SUSPENDED',
    'REJECTED:submit': 'SUBMITTED',
    'SUSPENDED:lift': 'APPROVED',
  };

  it.each(PROTOCOL_STATUSES.flatMap((from) => PROTOCOL_ACTIONS.map((action) => [from, action] as const)))('%s + %s', (from, action) => {
    const to = ALLOWED[`${from}:${action}`];
    expect(checkProtocolTransition(from, action)).toEqual(to ? { allowed: true, to } : { allowed: false });
  });

  it('refuses an unknown action from an untrusted caller', () => {
    expect(checkProtocolTransition('DRAFT', 'publish' as ProtocolAction)).toEqual({ allowed: false });
  });
});

describe('isProtocolInForce', () => {
  const TODAY = '2026-05-15';

  it.each(PROTOCOL_STATUSES)('status %s within its window', (status) => {
    expect(isProtocolInForce({ status, validFrom: '2026-01-01', validUntil: null }, TODAY)).toBe(status === 'APPROVED');
  });

  it.each<[string, string, string | null, boolean]>([
    ['starts today', TODAY, '2026-12-31', true],
    ['ends today', '2026-01-01', TODAY, true],
    ['one-day protocol, today', TODAY, TODAY, true],
    ['open-ended', '2020-01-01', null, true],
    ['starts tomorrow', '2026-05-16', null, false],
    ['ended yesterday', '2026-01-01', '2026-05-14', false],
  ])('approved protocol that %s', (_name, validFrom, validUntil, inForce) => {
    expect(isProtocolInForce({ status: 'APPROVED', validFrom, validUntil }, TODAY)).toBe(inForce);
  });
});

describe('isProtocolEditable', () => {
  it.each(PROTOCOL_STATUSES)('%s', (status) => {
    expect(isProtocolEditable(status)).toBe(status === 'DRAFT' || status === 'REJECTED');
  });
});

describe('approvalProgress', () => {
  it('needs one approval when no approver agencies are named', () => {
    expect(approvalProgress([], [])).toEqual({ complete: false, pendingAgencyIds: [] });
    expect(approvalProgress([], ['parket'])).toEqual({ complete: true, pendingAgencyIds: [] });
  });
  it('needs every named prosecution office (Brussels NL and FR)', () => {
    expect(approvalProgress(['nl', 'fr'], [])).toEqual({ complete: false, pendingAgencyIds: ['nl', 'fr'] });
    expect(approvalProgress(['nl', 'fr'], ['fr'])).toEqual({ complete: false, pendingAgencyIds: ['nl'] });
    expect(approvalProgress(['nl', 'fr'], ['fr', 'nl'])).toEqual({ complete: true, pendingAgencyIds: [] });
  });
  it('ignores approvals by agencies that are not approvers', () => {
    expect(approvalProgress(['nl'], ['other'])).toEqual({ complete: false, pendingAgencyIds: ['nl'] });
  });
});
