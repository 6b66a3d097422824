import { signCheckpoint } from './checkpoint';
import { GENESIS_HASH, type SharingLogEntry } from './entry';
import { verifyExport, type SharingLogExport } from './export-format';
import { sealEntry } from './hash-chain';
import { generateCheckpointKeyPair, publicKeyPem } from './keys';

const keyA = generateCheckpointKeyPair();
const keyB = generateCheckpointKeyPair();

function chain(n: number): SharingLogEntry[] {
  const out: SharingLogEntry[] = [];
  for (let seq = 1; seq <= n; seq++) {
    out.push(
      sealEntry(out.at(-1)?.hash ?? GENESIS_HASH, {
        seq,
        at: new Date(Date.UTC(2026, 10, 23, 12, seq)).toISOString(),
        caseId: 'case-1',
        protocolId: 'protocol-1',
        contributionId: null,
        fromAgencyId: 'agency-police',
        fromUserId: 'user-1',
        toAgencyIds: ['agency-caw'],
        legalBasis: 'ART_458TER',
        categories: ['IDENTIFICATION'],
        justification: `Disclosure ${seq} for the safety plan.`,
        consentId: null,
      }),
    );
  }
  return out;
}

function exportOf(entries: SharingLogEntry[], checkpointSeq: number, privateKey = keyA.privateKey): SharingLogExport {
  const headHash = checkpointSeq === 0 ? GENESIS_HASH : entries.find((e) => e.seq === checkpointSeq)!.hash;
  return {
    format: 'schakel-sharing-log-export/1',
    exportedAt: '2026-11-24T08:00:00.000Z',
    entries,
    checkpoint: signCheckpoint({ seq: checkpointSeq, headHash, at: '2026-11-23T18:00:00.000Z' }, privateKey),
  };
}

describe('verifyExport', () => {
  it('accepts an honest export, with the trusted key as base64 DER or PEM', () => {
    const exp = exportOf(chain(5), 5);
    expect(verifyExport(exp, keyA.publicKey)).toEqual({ valid: true, entries: 5, checkpointValid: true, firstSeq: 1, lastSeq: 5 });
    expect(verifyExport(exp, publicKeyPem(keyA.publicKey)).valid).toBe(true);
  });

  it('accepts entries after the checkpoint when they chain', () => {
    expect(verifyExport(exportOf(chain(5), 3), keyA.publicKey)).toMatchObject({ valid: true, checkpointValid: true });
    expect(verifyExport(exportOf(chain(5), 0), keyA.publicKey)).toMatchObject({ valid: true, checkpointValid: true });
    expect(verifyExport(exportOf([], 0), keyA.publicKey)).toEqual({ valid: true, entries: 0, checkpointValid: true });
  });

  it('reports a tampered entry with its seq, even when the checkpoint still verifies', () => {
    const exp = exportOf(chain(5), 5);
    exp.entries[2] = { ...exp.entries[2]!, justification: 'Rewritten afterwards.' };
    expect(verifyExport(exp, keyA.publicKey)).toMatchObject({ valid: false, firstBrokenSeq: 3, checkpointValid: true, reason: 'hash mismatch' });
  });

  it('fails a consistent chain whose checkpoint comes from a different key', () => {
    const res = verifyExport(exportOf(chain(5), 5, keyB.privateKey), keyA.publicKey);
    expect(res).toMatchObject({ valid: false, checkpointValid: false, reason: expect.stringMatching(/^checkpoint signature invalid/) });
    expect(res.firstBrokenSeq).toBeUndefined();
  });

  it('fails a log rewritten from seq 3 on and re-hashed, because the signed head no longer matches', () => {
    const honest = chain(5);
    const exp = exportOf(honest, 5);
    const forged = honest.slice(0, 2);
    for (const e of honest.slice(2)) forged.push(sealEntry(forged.at(-1)!.hash, { ...e, legalBasis: 'CONSENT' }));
    exp.entries = forged;
    expect(verifyExport(exp, keyA.publicKey)).toMatchObject({
      valid: false,
      checkpointValid: false,
      reason: 'checkpoint headHash does not match the hash at seq 5',
    });
  });

  it('fails a tampered checkpoint headHash, a missing checkpoint, and a checkpoint beyond the entries', () => {
    const tampered = exportOf(chain(5), 5);
    tampered.checkpoint = { ...tampered.checkpoint!, headHash: tampered.entries[3]!.hash };
    expect(verifyExport(tampered, keyA.publicKey)).toMatchObject({ valid: false, checkpointValid: false, reason: 'checkpoint signature invalid' });

    expect(verifyExport({ ...exportOf(chain(5), 5), checkpoint: null }, keyA.publicKey)).toMatchObject({
      valid: false,
      reason: 'export has no signed checkpoint',
    });

    const beyond = exportOf(chain(5), 5);
    beyond.entries = beyond.entries.slice(0, 4);
    expect(verifyExport(beyond, keyA.publicKey)).toMatchObject({
      valid: false,
      checkpointValid: false,
      reason: 'checkpoint at seq 5 is outside the exported entries',
    });
  });

  it('reports a deleted entry', () => {
    const exp = exportOf(chain(5), 5);
    exp.entries.splice(1, 1);
    expect(verifyExport(exp, keyA.publicKey)).toMatchObject({ valid: false, firstBrokenSeq: 3, reason: 'entry 2 is missing before seq 3' });
  });

  it('accepts a partial export anchored on its first prevHash, or on a prevHash the caller knows', () => {
    const full = chain(8);
    const partial = { ...exportOf(full, 6), entries: full.slice(3) };
    expect(verifyExport(partial, keyA.publicKey)).toEqual({ valid: true, entries: 5, checkpointValid: true, firstSeq: 4, lastSeq: 8 });
    expect(verifyExport(partial, keyA.publicKey, { startPrevHash: full[2]!.hash }).valid).toBe(true);
    expect(verifyExport(partial, keyA.publicKey, { startPrevHash: full[1]!.hash })).toMatchObject({ valid: false, firstBrokenSeq: 4 });
  });

  it('turns a document that is not an export into a verdict', () => {
    expect(verifyExport({ format: 'other' } as unknown as SharingLogExport, keyA.publicKey)).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/not a schakel-sharing-log-export\/1/),
    });
    expect(verifyExport(null as unknown as SharingLogExport, keyA.publicKey).valid).toBe(false);
    expect(verifyExport(exportOf(chain(2), 2), 'garbage')).toMatchObject({ valid: false, reason: expect.stringMatching(/trusted public key unusable/) });
  });
});
