import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  consistencyProof,
  findCosignature,
  inclusionProof,
  latestTreeHead,
  noteKeyId,
  NOTE_SIG_COSIGNATURE_V1,
  nodesNeeded,
  parseCheckpointBody,
  parseSignedNote,
  parseWitnessPublicKey,
  subtreeHash,
  type Hash,
  type NodeGetter,
} from '@schakel/platform';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { DomainError, unprocessable } from '../../common/http/domain-error';
import { sqlOf, SharingLogWriter } from './sharing-log.writer';
import { CosignatureRow, TreeHeadRow, WitnessKey } from './sharing.entities';

const b64 = (h: Hash) => h.toString('base64');

/** The sharing log seen as a transparency log: checkpoints, proofs, the parket's witness keys and cosignatures (ADR 0006). */
@Injectable()
export class TransparencyService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly writer: SharingLogWriter,
  ) {}

  /** The latest signed checkpoint (or the one of `size`), with the cosignatures witnesses gave it. */
  async checkpoint(size?: number) {
    const head =
      size === undefined
        ? await this.ds
            .transaction((m) => this.writer.checkpointAtHead(m))
            .then((r) => r.head && { size: r.head.size, note: r.head.note, rootHash: r.head.rootHash, signedAt: r.head.signedAt })
        : await this.ds
            .getRepository(TreeHeadRow)
            .findOneBy({ size: String(size) })
            .then((r) => r && { size: Number(r.size), note: r.note, rootHash: r.rootHash, signedAt: r.signedAt });
    if (!head) {
      if (size !== undefined) throw new NotFoundException({ code: 'CHECKPOINT_NOT_FOUND', message: `no checkpoint of size ${size}` });
      return { origin: this.writer.signer.origin, size: 0, rootHash: null, note: null, cosignatures: [] };
    }
    const cosigs = await this.ds.getRepository(CosignatureRow).find({ where: { treeSize: String(head.size) }, order: { cosignedAt: 'ASC' } });
    return {
      origin: this.writer.signer.origin,
      size: head.size,
      rootHash: b64(head.rootHash),
      note: head.note,
      signedAt: head.signedAt.toISOString(),
      cosignatures: cosigs.map((c) => ({ name: c.name, keyId: c.keyId, at: c.cosignedAt.toISOString() })),
      /** The note with the witnesses' signature lines added. */
      cosignedNote: cosigs.length ? `${head.note}${cosigs.map((c) => `${c.signatureLine}\n`).join('')}` : head.note,
    };
  }

  async inclusion(seq: number, size: number | undefined) {
    const treeSize = await this.sizeOrLatest(size);
    if (seq > treeSize)
      throw unprocessable('SEQ_BEYOND_SIZE', `seq ${seq} is not in a tree of size ${treeSize}`, { details: [{ field: 'seq', rule: `≤ size (${treeSize})` }] });
    const get = await this.nodes((g) => {
      inclusionProof(seq - 1, treeSize, g);
      subtreeHash(0, treeSize, g);
      g(0, seq - 1);
    });
    return {
      leafIndex: seq - 1,
      treeSize,
      hashes: inclusionProof(seq - 1, treeSize, get).map(b64),
      leafHash: b64(get(0, seq - 1)),
      rootHash: b64(subtreeHash(0, treeSize, get)),
    };
  }

  async consistency(from: number, to: number | undefined) {
    const toSize = await this.sizeOrLatest(to);
    if (from > toSize)
      throw unprocessable('SIZE_ORDER', `from (${from}) must not exceed to (${toSize})`, { details: [{ field: 'from', rule: `≤ to (${toSize})` }] });
    const get = await this.nodes((g) => {
      consistencyProof(from, toSize, g);
      subtreeHash(0, from, g);
      subtreeHash(0, toSize, g);
    });
    return {
      from,
      to: toSize,
      hashes: consistencyProof(from, toSize, get).map(b64),
      fromRootHash: b64(subtreeHash(0, from, get)),
      toRootHash: b64(subtreeHash(0, toSize, get)),
    };
  }

  /** Registers (or replaces) the liaison's witness key. */
  async registerWitnessKey(user: AuthenticatedUser, publicKey: string) {
    let parsed: { raw: Buffer; name?: string };
    try {
      parsed = parseWitnessPublicKey(publicKey);
    } catch (e) {
      throw new DomainError(422, 'WITNESS_KEY_INVALID', `publicKey: ${(e as Error).message}`, {
        details: [{ field: 'publicKey', rule: 'Ed25519, base64 SPKI DER or C2SP verifier key' }],
      });
    }
    const name = parsed.name ?? '';
    const keyId = name ? noteKeyId(name, NOTE_SIG_COSIGNATURE_V1, parsed.raw).toString('hex') : '';
    await this.ds
      .getRepository(WitnessKey)
      .upsert({ userId: user.id, name, keyId, publicKey: parsed.raw.toString('base64'), registeredAt: new Date() }, ['userId']);
    return { name: name || null, keyId: keyId || null, publicKey: parsed.raw.toString('base64') };
  }

  /**
   * Stores a liaison's cosignature: the note must be a checkpoint this log issued (same body), and
   * carry a tlog-cosignature/v1 line that verifies with the key the liaison registered.
   */
  async cosign(user: AuthenticatedUser, note: string) {
    const invalid = (why: string) => unprocessable('COSIGNATURE_INVALID', why);
    const key = await this.ds.getRepository(WitnessKey).findOneBy({ userId: user.id });
    if (!key) throw invalid('register your witness key first (PUT /me/witness-key)');
    let body: string;
    let size: number;
    let names: string[];
    try {
      const parsed = parseSignedNote(note);
      body = parsed.body;
      size = parseCheckpointBody(body).size;
      names = [...new Set(parsed.signatures.map((s) => s.name))];
    } catch (e) {
      throw invalid(`not a cosigned checkpoint: ${(e as Error).message}`);
    }
    const head = await this.ds.getRepository(TreeHeadRow).findOneBy({ size: String(size) });
    if (!head || parseSignedNote(head.note).body !== body) throw invalid(`this log never issued that checkpoint (size ${size})`);
    const raw = Buffer.from(key.publicKey, 'base64');
    // A verifier key pins the cosigner name; an SPKI key is accepted under the name its line carries.
    for (const name of key.name ? [key.name] : names) {
      const found = findCosignature(note, name, raw);
      if (!found) continue;
      const row = await this.ds.getRepository(CosignatureRow).save(
        this.ds.getRepository(CosignatureRow).create({
          treeSize: String(size),
          userId: user.id,
          name,
          keyId: noteKeyId(name, NOTE_SIG_COSIGNATURE_V1, raw).toString('hex'),
          publicKey: key.publicKey,
          cosignedAt: new Date(found.timestamp * 1000),
          signatureLine: found.line,
        }),
      );
      return { size, name: row.name, keyId: row.keyId, at: row.cosignedAt.toISOString() };
    }
    throw invalid('no cosignature line verifies with your registered witness key');
  }

  private async sizeOrLatest(size: number | undefined): Promise<number> {
    const head = await latestTreeHead(sqlOf(this.ds.manager));
    const latest = head?.size ?? 0;
    if (size === undefined) {
      if (!latest) throw unprocessable('SIZE_BEYOND_TREE', 'the log has no signed checkpoint yet');
      return latest;
    }
    if (size > latest)
      throw unprocessable('SIZE_BEYOND_TREE', `size ${size} is beyond the signed tree (size ${latest})`, { details: [{ field: 'size', rule: `≤ ${latest}` }] });
    return size;
  }

  /** Fetches exactly the stored subtrees `compute` reads, in one query. */
  private async nodes(compute: (get: NodeGetter) => void): Promise<NodeGetter> {
    const needed = nodesNeeded(compute);
    const rows = (await this.ds.query(
      'SELECT level, idx::text AS idx, hash FROM sharing_log_nodes WHERE (level, idx) IN (SELECT * FROM unnest($1::int[], $2::bigint[]))',
      [needed.map((n) => n.level), needed.map((n) => n.idx)],
    )) as { level: number; idx: string; hash: Buffer }[];
    const map = new Map(rows.map((r) => [`${r.level}/${r.idx}`, r.hash]));
    return (level, idx) => {
      const h = map.get(`${level}/${idx}`);
      if (!h) throw new Error(`sharing-log tree node ${level}/${idx} is missing`);
      return h;
    };
  }
}
