import { generateCheckpointKeyPair } from '@schakel/platform';
import { canonicalMinutes, minutesHash, signMinutes, verifyMinutesSignature, type SealedMinutes } from './minutes-seal';

const sealed = (over: Partial<SealedMinutes> = {}): SealedMinutes => ({
  conferenceId: '11111111-1111-4111-8111-111111111111',
  protocolId: '22222222-2222-4222-8222-222222222222',
  chairId: '33333333-3333-4333-8333-333333333333',
  scheduledAt: '2026-12-14T14:00:00+01:00',
  location: 'FJC Antwerpen, zaal 2',
  startedAt: '2026-12-14T13:02:00Z',
  closedAt: '2026-12-14T14:45:00.123Z',
  items: [
    { caseId: 'b', reference: 'CO-2026-00002', position: 2, minutes: null, attendance: [], decisions: [] },
    {
      caseId: 'a',
      reference: 'CO-2026-00001',
      position: 1,
      minutes: 'Safety plan agreed.',
      attendance: [
        { userId: 'u2', present: false },
        { userId: 'u1', present: true },
      ],
      decisions: [{ type: 'INCLUDE', rationale: 'High risk, children present' }],
    },
  ],
  ...over,
});

describe('sealed conference minutes', () => {
  it('is canonical: item and attendance order and the spelling of instants do not change the hash', () => {
    const a = sealed();
    const b = sealed({
      scheduledAt: new Date('2026-12-14T13:00:00.000Z'),
      items: [...a.items].reverse().map((i) => ({ ...i, attendance: [...i.attendance].reverse() })),
    });
    expect(canonicalMinutes(b)).toBe(canonicalMinutes(a));
    expect(minutesHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(canonicalMinutes(a)).toContain('"version":"schakel-minutes/v1"');
  });

  it('changes the hash when any minutes, attendance or decision changes', () => {
    const base = minutesHash(sealed());
    const edit = (f: (s: SealedMinutes) => void) => {
      const s = sealed();
      f(s);
      return minutesHash(s);
    };
    expect(
      edit((s) => {
        s.items[1]!.minutes = 'Safety plan agreed!';
      }),
    ).not.toBe(base);
    expect(
      edit((s) => {
        s.items[1]!.attendance[0]!.present = true;
      }),
    ).not.toBe(base);
    expect(
      edit((s) => {
        s.items[1]!.decisions[0]!.type = 'REFER_ELSEWHERE';
      }),
    ).not.toBe(base);
    expect(
      edit((s) => {
        s.items[0]!.minutes = '';
      }),
    ).not.toBe(base);
  });

  it('signs with Ed25519 and verifies only the same conference, hash and key', () => {
    const keys = generateCheckpointKeyPair();
    const other = generateCheckpointKeyPair();
    const s = sealed();
    const hash = minutesHash(s);
    const { signature, publicKey } = signMinutes(s.conferenceId, hash, keys.privateKey);
    expect(publicKey).toBe(keys.publicKey);
    expect(verifyMinutesSignature(s.conferenceId, hash, signature, keys.publicKey)).toBe(true);
    expect(
      verifyMinutesSignature(
        s.conferenceId,
        hash.replace(/^./, (c) => (c === '0' ? '1' : '0')),
        signature,
        keys.publicKey,
      ),
    ).toBe(false);
    expect(verifyMinutesSignature('another-conference', hash, signature, keys.publicKey)).toBe(false);
    expect(verifyMinutesSignature(s.conferenceId, hash, signature, other.publicKey)).toBe(false);
    expect(verifyMinutesSignature(s.conferenceId, hash, 'not a signature', keys.publicKey)).toBe(false);
  });
});
