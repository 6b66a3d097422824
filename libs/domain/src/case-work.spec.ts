import { actionNeedsReminder, isRepeatReferral, mayDecideIn, mayEvaluateIn, repeatWindowStart } from './case-work';
import { STAGES } from './enums';

describe('decision and evaluation stages', () => {
  it('allows a decision while building the file or weighing, nowhere else', () => {
    expect(STAGES.filter(mayDecideIn)).toEqual(['DOSSIERVORMING', 'WEGING']);
  });

  it('allows an evaluation only in EVALUATIE', () => {
    expect(STAGES.filter(mayEvaluateIn)).toEqual(['EVALUATIE']);
  });
});

describe('the 12-month repeat-referral window', () => {
  it('starts the same day and time a year earlier', () => {
    expect(repeatWindowStart(new Date('2026-11-21T10:15:00Z')).toISOString()).toBe('2025-11-21T10:15:00.000Z');
  });

  it('clamps a leap day to the end of February, as PostgreSQL does', () => {
    expect(repeatWindowStart(new Date('2028-02-29T08:00:00Z')).toISOString()).toBe('2027-02-28T08:00:00.000Z');
  });

  it('counts a referral inside the window as a repeat, one on or before its start not', () => {
    const now = new Date('2026-11-21T10:00:00Z');
    expect(isRepeatReferral(new Date('2026-01-01T00:00:00Z'), now)).toBe(true);
    expect(isRepeatReferral(new Date('2025-11-21T10:00:01Z'), now)).toBe(true);
    expect(isRepeatReferral(new Date('2025-11-21T10:00:00Z'), now)).toBe(false);
    expect(isRepeatReferral(new Date('2024-06-01T00:00:00Z'), now)).toBe(false);
  });

  it('ignores a record from the future', () => {
    expect(isRepeatReferral(new Date('2026-11-22T00:00:00Z'), new Date('2026-11-21T00:00:00Z'))).toBe(false);
  });
});

describe('actionNeedsReminder', () => {
  const today = '2026-11-21';
  it('reminds of an open action due by today in an open case', () => {
    expect(actionNeedsReminder({ status: 'OPEN', dueDate: '2026-11-21' }, 'UITVOERING', today)).toBe(true);
    expect(actionNeedsReminder({ status: 'OPEN', dueDate: '2026-11-01' }, 'EVALUATIE', today)).toBe(true);
  });

  it('does not remind of done, undated, future or closed-case actions', () => {
    expect(actionNeedsReminder({ status: 'DONE', dueDate: '2026-11-01' }, 'UITVOERING', today)).toBe(false);
    expect(actionNeedsReminder({ status: 'OPEN', dueDate: null }, 'UITVOERING', today)).toBe(false);
    expect(actionNeedsReminder({ status: 'OPEN', dueDate: '2026-11-22' }, 'UITVOERING', today)).toBe(false);
    expect(actionNeedsReminder({ status: 'OPEN', dueDate: '2026-11-01' }, 'AFGESLOTEN', today)).toBe(false);
  });
});
