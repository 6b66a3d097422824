// One stretch of an export's entries verified on its own (issue 8): by the offline verifier's worker
// threads (apps/api/src/cli/export-worker.ts) and, between reading, by its main thread. The stretch's
// entries are hashed from their bytes where they are in the server's layout (export-entry-bytes.ts),
// and what comes back is the Merkle tree of their leaves (its frontier: a few hashes, not one per
// leaf) plus that tree at the sizes whose roots must be checked inside the stretch. The caller folds
// the stretches' trees (ExportV2Verifier.pushVerifiedTree; stretches start at multiples of a power of
// two). Anything that does not check out makes the caller verify entry by entry.

import { HASH_PATTERN, type SharingLogEntry } from './entry';
import { ExportEntryEncoder } from './export-entry-bytes';
import { LogVerifier } from './hash-chain';
import { MerkleFrontier } from './merkle';

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
  /** The task's buffers, handed back by a worker thread for the next stretch. */
  bytes?: Uint8Array;
  offs?: Int32Array;
}

const encoder = new ExportEntryEncoder();

/** Verifies one stretch as far as it can on its own. Throws when an entry is not JSON. */
export function verifyExportStretch(task: StretchTask): StretchResult {
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
