import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GENESIS_HASH,
  generateCheckpointKeyPair,
  publicKeyPem,
  sealEntry,
  signCheckpoint,
  type SharingLogEntry,
  type SharingLogExport,
} from '@schakel/platform';
import { runCli } from './verify-sharing-log';

const trusted = generateCheckpointKeyPair();
const other = generateCheckpointKeyPair();
let dir: string;

function makeExport(n: number, checkpointSeq: number, privateKey = trusted.privateKey): SharingLogExport {
  const entries: SharingLogEntry[] = [];
  for (let seq = 1; seq <= n; seq++) {
    entries.push(
      sealEntry(entries.at(-1)?.hash ?? GENESIS_HASH, {
        seq,
        at: new Date(Date.UTC(2026, 10, 23, 9, seq)).toISOString(),
        caseId: 'case-1',
        protocolId: 'protocol-1',
        contributionId: `contribution-${seq}`,
        fromAgencyId: 'agency-police',
        fromUserId: 'user-1',
        toAgencyIds: ['agency-caw', 'agency-justice-house'],
        legalBasis: 'ART_458TER',
        categories: ['RISK_ASSESSMENT'],
        justification: `Disclosure ${seq} for the safety plan.`,
        consentId: null,
      }),
    );
  }
  const headHash = entries[checkpointSeq - 1]!.hash;
  return {
    format: 'schakel-sharing-log-export/1',
    exportedAt: '2026-11-24T08:00:00.000Z',
    entries,
    checkpoint: signCheckpoint({ seq: checkpointSeq, headHash, at: '2026-11-23T18:00:00.000Z' }, privateKey),
  };
}

function write(name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function run(...argv: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await runCli(argv, (s) => lines.push(s));
  return { code, output: lines.join('\n') };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'schakel-verify-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('verify-sharing-log CLI', () => {
  it('exits 0 on an intact export, with the key as PEM or as base64 SPKI DER', async () => {
    const exportFile = write('ok.json', JSON.stringify(makeExport(12, 10), null, 2));
    const pem = await run(exportFile, '--public-key', write('key.pem', publicKeyPem(trusted.publicKey)));
    expect(pem.code).toBe(0);
    expect(pem.output).toMatch(/^OK: 12 entries, chain intact, checkpoint at seq 10 signed by the trusted key/);
    expect(pem.output).toMatch(/seq 11-12 come after the checkpoint/);
    const der = await run(`--public-key=${write('key.b64', `${trusted.publicKey}\n`)}`, exportFile);
    expect(der.code).toBe(0);
  });

  it('exits 1 naming the seq when one entry was tampered with', async () => {
    const exp = makeExport(12, 12);
    const seventh = exp.entries[6] as SharingLogEntry;
    exp.entries[6] = { ...seventh, toAgencyIds: [...seventh.toAgencyIds, 'agency-school'] };
    const res = await run(write('tampered.json', JSON.stringify(exp)), '--public-key', write('key2.pem', publicKeyPem(trusted.publicKey)));
    expect(res).toEqual({ code: 1, output: 'BROKEN at seq 7: hash mismatch' });
  });

  it('exits 1 when the checkpoint was not signed by the trusted key', async () => {
    const exportFile = write('other.json', JSON.stringify(makeExport(5, 5, other.privateKey)));
    const res = await run(exportFile, '--public-key', write('key3.pem', publicKeyPem(trusted.publicKey)));
    expect(res.code).toBe(1);
    expect(res.output).toMatch(/^INVALID: checkpoint signature invalid/);
    // The same file against a different trusted key fails too.
    const good = write('good.json', JSON.stringify(makeExport(5, 5)));
    expect((await run(good, '--public-key', write('wrong.pem', publicKeyPem(other.publicKey)))).code).toBe(1);
  });

  it('exits 1 on a file that is not JSON', async () => {
    const res = await run(write('junk.json', '{"format": "schakel-sharing'), '--public-key', write('key4.pem', publicKeyPem(trusted.publicKey)));
    expect(res.code).toBe(1);
    expect(res.output).toMatch(/^INVALID: export is not valid JSON/);
  });

  it('exits 2 on usage errors', async () => {
    const exportFile = write('usage.json', JSON.stringify(makeExport(2, 2)));
    const key = write('key5.pem', publicKeyPem(trusted.publicKey));
    expect((await run()).code).toBe(2);
    expect((await run(exportFile)).output).toMatch(/--public-key is required/);
    expect((await run(exportFile, '--public-key')).code).toBe(2);
    expect((await run(exportFile, exportFile, '--public-key', key)).code).toBe(2);
    expect((await run(exportFile, '--public-key', key, '--verbose')).code).toBe(2);
    expect((await run(join(dir, 'missing.json'), '--public-key', key)).code).toBe(2);
    expect((await run(exportFile, '--public-key', join(dir, 'missing.pem'))).code).toBe(2);
    expect((await run(exportFile, '--public-key', write('not-a-key.pem', 'hello'))).code).toBe(2);
    expect((await run('--help')).code).toBe(0);
  });
});
