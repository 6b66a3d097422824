import { checkpointSigningInput, signCheckpoint, verifyCheckpoint, type Checkpoint } from './checkpoint';
import { GENESIS_HASH } from './entry';
import { generateCheckpointKeyPair, publicKeyPem } from './keys';

const keyA = generateCheckpointKeyPair();
const keyB = generateCheckpointKeyPair();
const cp: Checkpoint = { seq: 100, headHash: 'ab'.repeat(32), at: '2026-11-23T13:00:00+01:00' };

describe('signCheckpoint / verifyCheckpoint', () => {
  it('signs the fixed v1 string and verifies with the trusted key, as base64 DER or PEM', () => {
    const signed = signCheckpoint(cp, keyA.privateKey);
    expect(checkpointSigningInput(signed)).toBe(`schakel-checkpoint/v1|100|${'ab'.repeat(32)}|2026-11-23T12:00:00.000Z`);
    expect(signed).toMatchObject({ seq: 100, at: '2026-11-23T12:00:00.000Z', algorithm: 'Ed25519', publicKey: keyA.publicKey });
    expect(verifyCheckpoint(signed, keyA.publicKey)).toBe(true);
    expect(verifyCheckpoint(signed, publicKeyPem(keyA.publicKey))).toBe(true);
  });

  it('fails a checkpoint signed with key A when B is the trusted key', () => {
    expect(verifyCheckpoint(signCheckpoint(cp, keyA.privateKey), keyB.publicKey)).toBe(false);
  });

  it('never trusts the embedded key over the trusted one, even when the signature is B’s own', () => {
    // Signed by A but claiming B: the trusted key B cannot verify it.
    const claimsB = { ...signCheckpoint(cp, keyA.privateKey), publicKey: keyB.publicKey };
    expect(verifyCheckpoint(claimsB, keyB.publicKey)).toBe(false);
    // Good signature by B but embedding A's key: inconsistent, refused.
    const embedsA = { ...signCheckpoint(cp, keyB.privateKey), publicKey: keyA.publicKey };
    expect(verifyCheckpoint(embedsA, keyB.publicKey)).toBe(false);
  });

  it.each([
    ['headHash', { headHash: 'cd'.repeat(32) }],
    ['seq', { seq: 101 }],
    ['at', { at: '2026-11-23T12:00:00.001Z' }],
    ['signature', { signature: Buffer.alloc(64).toString('base64') }],
    ['algorithm', { algorithm: 'RSA' }],
  ])('fails when %s is tampered with', (_f, change) => {
    const tampered = { ...signCheckpoint(cp, keyA.privateKey), ...change } as Parameters<typeof verifyCheckpoint>[0];
    expect(verifyCheckpoint(tampered, keyA.publicKey)).toBe(false);
  });

  it('without a trusted key only checks self-consistency (a forger passes that)', () => {
    expect(verifyCheckpoint(signCheckpoint(cp, keyB.privateKey))).toBe(true);
  });

  it('returns false rather than throwing on garbage keys or checkpoints', () => {
    const signed = signCheckpoint(cp, keyA.privateKey);
    expect(verifyCheckpoint(signed, 'not a key')).toBe(false);
    expect(verifyCheckpoint(null as never, keyA.publicKey)).toBe(false);
  });

  it('refuses to sign a malformed checkpoint', () => {
    expect(() => signCheckpoint({ ...cp, headHash: 'AB'.repeat(32) }, keyA.privateKey)).toThrow(/headHash/);
    expect(() => signCheckpoint({ ...cp, at: '2026-11-23T12:00:00' }, keyA.privateKey)).toThrow(/offset/);
    expect(() => signCheckpoint({ ...cp, seq: 0 }, keyA.privateKey)).toThrow(/GENESIS/);
    expect(signCheckpoint({ ...cp, seq: 0, headHash: GENESIS_HASH }, keyA.privateKey).seq).toBe(0);
  });
});
