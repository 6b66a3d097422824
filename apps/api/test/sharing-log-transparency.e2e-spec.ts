import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalEntryV2, checkpointBody, signNote, type SharingLogEntry } from '@schakel/platform';
import { runWitness } from '../src/cli/witness';
import { runCli } from '../src/cli/verify-sharing-log';
import { withClient } from '../../../tools/test/test-database';
import { auth } from './support/sessions';
import { startTestApp, TEST_SIGNING_KEY, type TestApp } from './support/test-app';
import { buildWorld, referralBody, type World } from './support/world';

// RFC 9162 §2.1, written out independently of libs/platform: the reference the API's proofs must equal.
const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const split = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1);
const mth = (d: Buffer[]): Buffer =>
  d.length === 0 ? sha() : d.length === 1 ? d[0]! : sha(Buffer.from([1]), mth(d.slice(0, split(d.length))), mth(d.slice(split(d.length))));
const path = (m: number, d: Buffer[]): Buffer[] => {
  if (d.length <= 1) return [];
  const k = split(d.length);
  return m < k ? [...path(m, d.slice(0, k)), mth(d.slice(k))] : [...path(m - k, d.slice(k)), mth(d.slice(0, k))];
};
const subproof = (m: number, d: Buffer[], b: boolean): Buffer[] => {
  if (m === d.length) return b ? [] : [mth(d)];
  const k = split(d.length);
  return m <= k ? [...subproof(m, d.slice(0, k), b), mth(d.slice(k))] : [...subproof(m - k, d.slice(k), false), mth(d.slice(0, k))];
};
/** Leaf hash of a v2 entry: SHA-256(0x00 ‖ prevHash "\n" canonical). Leaves here are already hashed. */
const leafOf = (e: SharingLogEntry) => sha(Buffer.from([0]), Buffer.from(`${e.prevHash}\n${canonicalEntryV2(e)}`, 'utf8'));
const b64 = (b: Buffer) => b.toString('base64');

describe('the sharing log as a transparency log witnessed by the parket', () => {
  let t: TestApp;
  let w: World;
  let caseId: string;
  let contributionId: string;
  const http = () => t.http();
  const dir = mkdtempSync(join(tmpdir(), 'schakel-witness-'));
  const share = (i: number) =>
    http()
      .post(`/api/v1/cases/${caseId}/contributions/${contributionId}/disclosures`)
      .set(auth(w.cawMember.token))
      .send({ toAgencyIds: [w.agencies.police], legalBasis: 'ART_458TER', justification: `Safety planning, round ${i}` })
      .expect(201);
  const verify = async () => (await http().get('/api/v1/sharing-log/verify').set(auth(w.dpo.token)).expect(200)).body;
  const exportAs = async (token: string) => (await http().get('/api/v1/sharing-log/export').set(auth(token)).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    w = await buildWorld(t);
    const r = await http().post('/api/v1/referrals').set(auth(w.referrer.token)).send(referralBody(w.protocolId)).expect(201);
    caseId = r.body.caseId;
    await http().post(`/api/v1/cases/${caseId}/transitions`).set(auth(w.director.token)).send({ to: 'DOSSIERVORMING', reason: 'accepted' }).expect(200);
    await http().post(`/api/v1/cases/${caseId}/agencies`).set(auth(w.director.token)).send({ agencyId: w.agencies.caw }).expect(201);
    const c = await http()
      .post(`/api/v1/cases/${caseId}/contributions`)
      .set(auth(w.cawMember.token))
      .send({ category: 'WELFARE_SUPPORT', content: 'Shelter requested.' })
      .expect(201);
    contributionId = c.body.id;
    for (let i = 1; i <= 11; i++) await share(i);
    writeFileSync(join(dir, 'log.pem'), (await exportAs(w.dpo.token)).publicKeyPem);
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs a C2SP checkpoint after every append and verify reports the tree', async () => {
    const cp = await http().get('/api/v1/sharing-log/checkpoint').set(auth(w.liaison.token)).expect(200);
    expect(cp.body).toMatchObject({ origin: 'schakel.local/sharing-log', size: 11, rootHash: expect.any(String), cosignatures: [] });
    expect(cp.body.note).toMatch(/^schakel\.local\/sharing-log\n11\n[A-Za-z0-9+/]{43}=\n\n— schakel\.local\/sharing-log [A-Za-z0-9+/]+=*\n$/);
    const v = await verify();
    expect(v).toMatchObject({ valid: true, entries: 11, treeSize: 11, rootHash: cp.body.rootHash });
    await http().get('/api/v1/sharing-log/checkpoint').set(auth(w.cawMember.token)).expect(403);
  });

  it('logs a commitment to the justification, never the text; the text is shown from the disclosure', async () => {
    const row = (
      await withClient(t.db.url, (c) =>
        c.query(`SELECT l.justification, l.justification_commitment, l.legal_reference, l.version, d.justification AS text, d.justification_nonce
      FROM sharing_log l JOIN disclosures d ON d.log_seq = l.seq WHERE l.seq = 3`),
      )
    ).rows[0];
    expect(row).toMatchObject({ justification: null, legal_reference: expect.stringContaining('458ter'), version: 2 });
    // The disclosure keeps text and commitment key under the case's data key (ADR 0009), never in clear.
    expect(row.text).toMatch(/^ck1\./);
    expect(row.justification_nonce).toMatch(/^ck1\./);
    const list = await http().get(`/api/v1/sharing-log?caseId=${caseId}&limit=50`).set(auth(w.liaison.token)).expect(200);
    expect(list.body.items.find((e: { seq: number }) => e.seq === 3)).toMatchObject({
      justification: 'Safety planning, round 3',
      legalReference: expect.stringContaining('458ter'),
      district: 'Antwerpen',
    });
    const exp = await exportAs(w.dpo.token);
    expect(exp.entries[2]).toMatchObject({
      seq: 3,
      legalReference: expect.stringContaining('458ter'),
      justification: 'Safety planning, round 3',
      justificationNonce: expect.any(String),
    });
    expect(createHmac('sha256', Buffer.from(exp.entries[2].justificationNonce, 'base64')).update('Safety planning, round 3').digest('hex')).toBe(
      row.justification_commitment,
    );
  });

  it('names the entry when the superuser changes any stored column of it', async () => {
    const tamper: [string, string][] = [
      ['at', `at + interval '1 millisecond'`],
      ['case_id', 'gen_random_uuid()'],
      ['protocol_id', 'gen_random_uuid()'],
      ['district', `'Gent'`],
      ['case_agency_ids', 'case_agency_ids || gen_random_uuid()'],
      ['contribution_id', 'gen_random_uuid()'],
      ['from_agency_id', 'gen_random_uuid()'],
      ['from_user_id', 'gen_random_uuid()'],
      ['to_agency_ids', 'to_agency_ids || gen_random_uuid()'],
      ['legal_basis', `'CONSENT'`],
      ['categories', `'{HEALTH}'`],
      ['justification', `'a forged reason'`],
      ['consent_id', 'gen_random_uuid()'],
      ['prev_hash', `repeat('f', 64)`],
      ['hash', `repeat('f', 64)`],
      ['version', '1'],
      ['legal_reference', `'art. 999 Sw.'`],
      ['justification_commitment', `repeat('a', 64)`],
    ];
    const columns = (
      await withClient(t.db.url, (c) => c.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'sharing_log' AND column_name <> 'seq'`))
    ).rows.map((r) => r.column_name);
    expect(tamper.map(([c]) => c).sort()).toEqual([...columns].sort());
    await withClient(t.db.url, async (c) => {
      await c.query('CREATE TEMP TABLE orig AS SELECT * FROM sharing_log WHERE seq = 5');
      for (const [column, value] of tamper) {
        await c.query('ALTER TABLE sharing_log DISABLE TRIGGER sharing_log_append_only');
        await c.query(`UPDATE sharing_log SET ${column} = ${value} WHERE seq = 5`);
        const v = await verify();
        expect({ column, valid: v.valid, seq: v.firstBrokenSeq }).toEqual({ column, valid: false, seq: 5 });
        await c.query(`UPDATE sharing_log s SET ${column} = o.${column} FROM orig o WHERE s.seq = o.seq`);
        await c.query('ALTER TABLE sharing_log ENABLE TRIGGER sharing_log_append_only');
      }
    });
    expect(await verify()).toMatchObject({ valid: true, entries: 11 });
  });

  it('serves inclusion and consistency proofs equal to the RFC 9162 definitions', async () => {
    const exp = await exportAs(w.dpo.token);
    const leaves = (exp.entries as SharingLogEntry[]).map(leafOf);
    expect(exp.checkpoint.rootHash).toBe(b64(mth(leaves)));
    for (const size of [1, 2, 5, 8, 11]) {
      for (let seq = 1; seq <= size; seq++) {
        const r = await http().get(`/api/v1/sharing-log/proofs/inclusion?seq=${seq}&size=${size}`).set(auth(w.liaison.token)).expect(200);
        expect(r.body).toMatchObject({
          leafIndex: seq - 1,
          treeSize: size,
          hashes: path(seq - 1, leaves.slice(0, size)).map(b64),
          rootHash: b64(mth(leaves.slice(0, size))),
        });
      }
    }
    for (let from = 1; from <= 11; from++) {
      const r = await http().get(`/api/v1/sharing-log/proofs/consistency?from=${from}&to=11`).set(auth(w.dpo.token)).expect(200);
      expect(r.body).toMatchObject({ from, to: 11, hashes: subproof(from, leaves, true).map(b64) });
    }
  });

  it('refuses proof requests outside the tree with a clear 4xx', async () => {
    const get = (q: string) => http().get(`/api/v1/sharing-log/proofs/${q}`).set(auth(w.liaison.token));
    expect((await get('inclusion?seq=1&size=999').expect(422)).body.code).toBe('SIZE_BEYOND_TREE');
    expect((await get('inclusion?seq=9&size=5').expect(422)).body.code).toBe('SEQ_BEYOND_SIZE');
    await get('inclusion?seq=0&size=5').expect(400);
    await get('inclusion?seq=abc').expect(400);
    await get('inclusion').expect(400);
    expect((await get('consistency?from=9&to=5').expect(422)).body.code).toBe('SIZE_ORDER');
    expect((await get('consistency?from=1&to=999').expect(422)).body.code).toBe('SIZE_BEYOND_TREE');
    await get('consistency?from=-1&to=5').expect(400);
  });

  it("stores and shows a liaison's cosignature made with the witness CLI, and refuses one that does not verify", async () => {
    const out: string[] = [];
    expect(await runWitness(['init', '--key', join(dir, 'w.key'), '--name', 'parket-antwerpen.be/witness'], (s) => out.push(s))).toBe(0);
    const vkey = out.join('\n').match(/register this public key: (\S+)/)![1];
    await http().put('/api/v1/me/witness-key').set(auth(w.dpo.token)).send({ publicKey: vkey }).expect(403);
    expect((await http().put('/api/v1/me/witness-key').set(auth(w.liaison.token)).send({ publicKey: 'not a key' }).expect(422)).body.code).toBe(
      'WITNESS_KEY_INVALID',
    );
    await http().put('/api/v1/me/witness-key').set(auth(w.liaison.token)).send({ publicKey: vkey }).expect(200);

    const cp = await http().get('/api/v1/sharing-log/checkpoint').set(auth(w.liaison.token)).expect(200);
    writeFileSync(join(dir, 'cp.json'), JSON.stringify(cp.body));
    const args = [
      'cosign',
      '--key',
      join(dir, 'w.key'),
      '--name',
      'parket-antwerpen.be/witness',
      '--log-key',
      join(dir, 'log.pem'),
      '--state',
      join(dir, 'state.json'),
      '--checkpoint',
      join(dir, 'cp.json'),
      '--out',
      join(dir, 'cosigned.txt'),
    ];
    expect(await runWitness(args, () => undefined)).toBe(0);
    const cosigned = readFileSync(join(dir, 'cosigned.txt'), 'utf8');
    const posted = await http().post('/api/v1/sharing-log/cosignatures').set(auth(w.liaison.token)).send({ note: cosigned }).expect(201);
    expect(posted.body).toMatchObject({ size: 11, name: 'parket-antwerpen.be/witness', keyId: expect.stringMatching(/^[0-9a-f]{8}$/) });
    const shown = await http().get('/api/v1/sharing-log/checkpoint').set(auth(w.dpo.token)).expect(200);
    expect(shown.body.cosignatures).toEqual([{ name: 'parket-antwerpen.be/witness', keyId: posted.body.keyId, at: expect.any(String) }]);
    expect(shown.body.cosignedNote).toContain(cosigned.trimEnd().split('\n').at(-1));

    // Someone else's key, a checkpoint body the log never issued, no cosignature at all.
    const other: string[] = [];
    await runWitness(['init', '--key', join(dir, 'other.key'), '--name', 'parket-antwerpen.be/witness'], (s) => other.push(s));
    expect(
      await runWitness(
        [...args.slice(0, 2), join(dir, 'other.key'), ...args.slice(3, 8), join(dir, 'other-state.json'), ...args.slice(9, 12), join(dir, 'other.txt')],
        () => undefined,
      ),
    ).toBe(0);
    const bad = await http()
      .post('/api/v1/sharing-log/cosignatures')
      .set(auth(w.liaison.token))
      .send({ note: readFileSync(join(dir, 'other.txt'), 'utf8') })
      .expect(422);
    expect(bad.body.code).toBe('COSIGNATURE_INVALID');
    const forgedBody = cosigned.replace(/^(.*\n)11\n/, '$1' + '12\n');
    expect((await http().post('/api/v1/sharing-log/cosignatures').set(auth(w.liaison.token)).send({ note: forgedBody }).expect(422)).body.code).toBe(
      'COSIGNATURE_INVALID',
    );
    expect((await http().post('/api/v1/sharing-log/cosignatures').set(auth(w.liaison.token)).send({ note: cp.body.note }).expect(422)).body.code).toBe(
      'COSIGNATURE_INVALID',
    );
    await http().post('/api/v1/sharing-log/cosignatures').set(auth(w.dpo.token)).send({ note: cosigned }).expect(403);
  });

  it('refuses to extend a tree head whose frontier was rewritten beside its genuine note, even one it signed itself', async () => {
    // The writer skips the Ed25519 check for a note it signed, never the check that the row's frontier folds to the note's root.
    const latest = 'size = (SELECT max(size) FROM sharing_log_tree_heads)';
    const forge = (sql: string) =>
      withClient(t.db.url, async (c) => {
        await c.query('ALTER TABLE sharing_log_tree_heads DISABLE TRIGGER sharing_log_tree_heads_append_only');
        await c.query(sql);
        await c.query('ALTER TABLE sharing_log_tree_heads ENABLE TRIGGER sharing_log_tree_heads_append_only');
      });
    await forge(`UPDATE sharing_log_tree_heads SET frontier = set_byte(frontier, 0, (get_byte(frontier, 0) + 1) % 256) WHERE ${latest}`);
    const refused = await http()
      .post(`/api/v1/cases/${caseId}/contributions/${contributionId}/disclosures`)
      .set(auth(w.cawMember.token))
      .send({ toAgencyIds: [w.agencies.police], legalBasis: 'ART_458TER', justification: 'Over a forged frontier' })
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'SHARING_LOG_BROKEN', message: expect.stringContaining('not genuine') });
    await forge(`UPDATE sharing_log_tree_heads SET frontier = set_byte(frontier, 0, (get_byte(frontier, 0) + 255) % 256) WHERE ${latest}`);
    expect(await verify()).toMatchObject({ valid: true, entries: 11 });
  });

  it('catches a tail rewritten with recomputed hashes and re-signed by the operator: offline verifier, witness CLI and verify', async () => {
    const trusted = (await http().get('/api/v1/sharing-log/checkpoint').set(auth(w.liaison.token)).expect(200)).body; // size 11, cosigned above
    writeFileSync(join(dir, 'trusted.txt'), trusted.note);
    for (let i = 12; i <= 14; i++) await share(i);

    // The honest log extends what the witness saw.
    const honest = await exportAs(w.dpo.token);
    writeFileSync(join(dir, 'honest.json'), JSON.stringify(honest));
    expect(
      await runCli([join(dir, 'honest.json'), '--public-key', join(dir, 'log.pem'), '--trusted-checkpoint', join(dir, 'trusted.txt')], () => undefined),
    ).toBe(0);

    // The operator (holding the database and the signing key) rewrites entry 9 onwards, recomputing every hash and the tree, and signs anew.
    const forged: SharingLogEntry[] = (honest.entries as SharingLogEntry[]).map((e) => ({ ...e }));
    forged[8] = { ...forged[8]!, toAgencyIds: [w.agencies.outsider] };
    let prev = forged[7]!;
    for (const e of forged.slice(8)) {
      e.prevHash = prev.hash;
      e.hash = createHash('sha256')
        .update(`${e.prevHash}\n${canonicalEntryV2(e)}`)
        .digest('hex');
      prev = e;
    }
    const leaves = forged.map(leafOf);
    const note = signNote(checkpointBody('schakel.local/sharing-log', 14, mth(leaves)), 'schakel.local/sharing-log', TEST_SIGNING_KEY);
    writeFileSync(
      join(dir, 'forged.json'),
      JSON.stringify({ ...honest, entries: forged, checkpoint: { ...honest.checkpoint, rootHash: b64(mth(leaves)), note } }),
    );

    const plain: string[] = [];
    expect(await runCli([join(dir, 'forged.json'), '--public-key', join(dir, 'log.pem')], (s) => plain.push(s))).toBe(0); // self-consistent on its own
    const out: string[] = [];
    expect(
      await runCli([join(dir, 'forged.json'), '--public-key', join(dir, 'log.pem'), '--trusted-checkpoint', join(dir, 'trusted.txt')], (s) => out.push(s)),
    ).toBe(1);
    expect(out.join('\n')).toMatch(/does not extend the trusted checkpoint of size 11/);

    // The witness, holding its state at size 11, is offered the forged checkpoint with a proof made from the forged tree.
    writeFileSync(join(dir, 'forged-cp.txt'), note);
    writeFileSync(join(dir, 'forged-proof.json'), JSON.stringify({ from: 11, to: 14, hashes: subproof(11, leaves, true).map(b64) }));
    const wout: string[] = [];
    expect(
      await runWitness(
        [
          'cosign',
          '--key',
          join(dir, 'w.key'),
          '--name',
          'parket-antwerpen.be/witness',
          '--log-key',
          join(dir, 'log.pem'),
          '--state',
          join(dir, 'state.json'),
          '--checkpoint',
          join(dir, 'forged-cp.txt'),
          '--proof',
          join(dir, 'forged-proof.json'),
        ],
        (s) => wout.push(s),
      ),
    ).toBe(1);
    expect(wout.join('\n')).toMatch(/INCONSISTENT.*size 14.*size 11/);
    // A log cut back below what the witness saw is refused as well.
    writeFileSync(
      join(dir, 'short.txt'),
      signNote(checkpointBody('schakel.local/sharing-log', 10, mth(leaves.slice(0, 10))), 'schakel.local/sharing-log', TEST_SIGNING_KEY),
    );
    expect(
      await runWitness(
        [
          'cosign',
          '--key',
          join(dir, 'w.key'),
          '--name',
          'parket-antwerpen.be/witness',
          '--log-key',
          join(dir, 'log.pem'),
          '--state',
          join(dir, 'state.json'),
          '--checkpoint',
          join(dir, 'short.txt'),
        ],
        () => undefined,
      ),
    ).toBe(1);
    // The honest next checkpoint with the API's own proof is accepted.
    const next = await http().get('/api/v1/sharing-log/checkpoint').set(auth(w.liaison.token)).expect(200);
    const proof = await http().get('/api/v1/sharing-log/proofs/consistency?from=11&to=14').set(auth(w.liaison.token)).expect(200);
    writeFileSync(join(dir, 'next.json'), JSON.stringify(next.body));
    writeFileSync(join(dir, 'next-proof.json'), JSON.stringify(proof.body));
    expect(
      await runWitness(
        [
          'cosign',
          '--key',
          join(dir, 'w.key'),
          '--name',
          'parket-antwerpen.be/witness',
          '--log-key',
          join(dir, 'log.pem'),
          '--state',
          join(dir, 'state.json'),
          '--checkpoint',
          join(dir, 'next.json'),
          '--proof',
          join(dir, 'next-proof.json'),
        ],
        () => undefined,
      ),
    ).toBe(0);

    // The same rewrite done in the database (triggers bypassed as superuser) fails the server's own verify.
    await withClient(t.db.url, async (c) => {
      await c.query('ALTER TABLE sharing_log DISABLE TRIGGER sharing_log_append_only');
      for (const e of forged.slice(8))
        await c.query('UPDATE sharing_log SET to_agency_ids = $2::uuid[], prev_hash = $3, hash = $4 WHERE seq = $1', [
          e.seq,
          e.toAgencyIds,
          e.prevHash,
          e.hash,
        ]);
      await c.query('ALTER TABLE sharing_log ENABLE TRIGGER sharing_log_append_only');
    });
    const v = await verify();
    expect(v).toMatchObject({ valid: false });
    expect(v.firstBrokenSeq).toBeLessThanOrEqual(14);

    // A row slipped in behind the writer's back is never signed over: checkpoint and appends answer 409.
    await withClient(t.db.url, (c) =>
      c.query(`INSERT INTO sharing_log (seq, at, case_id, protocol_id, district, case_agency_ids, from_agency_id, from_user_id,
      to_agency_ids, legal_basis, categories, prev_hash, hash, version) SELECT 15, now(), case_id, protocol_id, district, case_agency_ids, from_agency_id, from_user_id,
      to_agency_ids, legal_basis, categories, hash, repeat('e', 64), 2 FROM sharing_log WHERE seq = 14`),
    );
    expect((await http().get('/api/v1/sharing-log/checkpoint').set(auth(w.liaison.token)).expect(409)).body.code).toBe('SHARING_LOG_BROKEN');
    expect(
      (
        await http()
          .post(`/api/v1/cases/${caseId}/contributions/${contributionId}/disclosures`)
          .set(auth(w.cawMember.token))
          .send({ toAgencyIds: [w.agencies.police], legalBasis: 'ART_458TER', justification: 'After the break' })
          .expect(409)
      ).body.code,
    ).toBe('SHARING_LOG_BROKEN');
  });
});
