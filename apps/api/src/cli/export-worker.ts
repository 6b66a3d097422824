// Worker thread of the offline verifier (verify-sharing-log.ts): takes a stretch of export entries
// (their bytes, cut out by the main thread's tokenizer), checks their hashes and chain links on its
// own, and hands back the Merkle tree of their leaves (its frontier: a few hashes, not one per leaf),
// plus that tree at the sizes whose roots the main thread must check inside the stretch. The main
// thread folds the stretches' trees (stretches start at multiples of a power of two) and checks the
// roots. Relative imports only: under Jest this file is compiled as it loads, without path aliases.

import { parentPort } from 'node:worker_threads';
import { HASH_PATTERN, type SharingLogEntry } from '../../../../libs/platform/src/sharing-log/entry';
import { ExportEntryEncoder } from '../../../../libs/platform/src/sharing-log/export-entry-bytes';
import { LogVerifier } from '../../../../libs/platform/src/sharing-log/hash-chain';
import { MerkleFrontier } from '../../../../libs/platform/src/sharing-log/merkle';

export interface StretchTask {
  /** The entries' bytes; entry i is bytes[offs[2i], offs[2i+1]). */
  bytes: Uint8Array;
  offs: Int32Array;
  count: number;
  /** Counts within the stretch at which to hand back the tree as well, ascending. */
  marks: number[];
}

export interface StretchResult {
  valid: boolean;
  firstSeq: number;
  firstPrev: string;
  count: number;
  headHash: string;
  /** MerkleFrontier.toBytes() of the stretch's own leaves. */
  tree: Uint8Array;
  snapshots: [number, Uint8Array][];
  redacted: number;
}

const encoder = new ExportEntryEncoder();

/** Verifies one stretch as far as it can on its own. Throws when an entry is not JSON. */
export function verifyStretch(task: StretchTask): StretchResult {
  const { offs, count, marks } = task;
  const buf = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  const bad: StretchResult = { valid: false, firstSeq: 0, firstPrev: '', count: 0, headHash: '', tree: new Uint8Array(0), snapshots: [], redacted: 0 };
  if (count < 1) return bad;
  const first = JSON.parse(buf.toString('utf8', offs[0], offs[1])) as Partial<SharingLogEntry> | null;
  const firstSeq = first?.seq;
  const firstPrev = first?.prevHash;
  if (!Number.isSafeInteger(firstSeq) || (firstSeq as number) < 1 || typeof firstPrev !== 'string' || !HASH_PATTERN.test(firstPrev)) return bad;
  const v = new LogVerifier(firstPrev, firstSeq);
  const tree = MerkleFrontier.empty();
  const snapshots: [number, Uint8Array][] = [];
  let mark = 0;
  v.onLeaf = (leaf) => {
    tree.append(leaf);
    if (tree.size === marks[mark]) {
      snapshots.push([tree.size, tree.toBytes()]);
      mark++;
    }
  };
  for (let i = 0; i < count; i++) if (!v.pushExportEntry(buf, offs[2 * i]!, offs[2 * i + 1]!, encoder)) break;
  const r = v.result();
  if (!r.valid || !v.treeKnown || tree.size !== count) return bad;
  return { valid: true, firstSeq: firstSeq as number, firstPrev, count, headHash: v.headHash, tree: tree.toBytes(), snapshots, redacted: r.redacted ?? 0 };
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (msg: StretchTask | 'close') => {
    if (msg === 'close') {
      port.close();
      return;
    }
    try {
      const result = verifyStretch(msg);
      port.postMessage({ result });
    } catch (e) {
      port.postMessage({ error: e instanceof Error ? e.message : String(e) });
    }
  });
}
