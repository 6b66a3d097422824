import { REFERRAL_LIMITS, referralRequestSchema } from './referral';

const valid = {
  protocolId: 'p',
  summary: 'Repeated violence at home, children present.',
  incident: { date: '2026-01-10', types: ['PHYSICAL'], policeReference: '' },
  persons: [{ role: 'VICTIM', firstName: 'Ana', lastName: 'Popescu', birthDate: '1985-07-30', nationalNumber: '85.07.30-033.28', address: '' }],
  redFlags: [],
  informed: true,
  consentGiven: false,
};
const messages = (input: unknown) => {
  const r = referralRequestSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
};

describe('POST /referrals request schema', () => {
  it('accepts a complete referral', () => expect(messages(valid)).toEqual([]));

  it('tells a wrong shape from wrong check digits in a national number', () => {
    const person = (nationalNumber: string) => ({ ...valid, persons: [{ ...valid.persons[0], nationalNumber }] });
    expect(messages(person('85.07.30-033.29'))).toEqual(['persons.0.nationalNumber:screens.nationalNumberCheck']);
    expect(messages(person('12345'))).toEqual(['persons.0.nationalNumber:validation.nationalNumber']);
  });

  it('holds the summary to the shared limits', () => {
    expect(messages({ ...valid, summary: 'x'.repeat(REFERRAL_LIMITS.summaryMax + 1) })).toEqual(['summary:validation.tooLong']);
  });
});
