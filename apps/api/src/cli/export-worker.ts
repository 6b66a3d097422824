// Worker thread of the offline verifier (verify-sharing-log.ts): takes a stretch of export entries
// (their JSON texts, joined by commas), checks their hashes and chain links on its own, and hands back
// the leaf hashes; the main thread builds the tree and checks the checkpoint roots from them.
// Relative imports only: under Jest this file is compiled as it loads, without path aliases.

import { parentPort } from 'node:worker_threads';
import { HASH_PATTERN, type RedactedSharingLogEntry, type SharingLogEntry } from '../../../../libs/platform/src/sharing-log/entry';
import { LogVerifier } from '../../../../libs/platform/src/sharing-log/hash-chain';

export interface StretchResult {
  valid: boolean;
  firstSeq: number;
  firstPrev: string;
  count: number;
  headHash: string;
  leaves: Uint8Array;
  redacted: number;
}

/** Verifies one stretch (the entries' JSON texts joined by commas) as far as it can on its own. */
export function verifyStretch(text: string): StretchResult {
  const entries = JSON.parse(`[${text}]`) as (SharingLogEntry | RedactedSharingLogEntry)[];
  const first = entries[0] as Partial<SharingLogEntry> | undefined;
  const firstSeq = first?.seq;
  const firstPrev = first?.prevHash;
  const leaves = Buffer.alloc(entries.length * 32);
  const bad = { valid: false, firstSeq: 0, firstPrev: '', count: 0, headHash: '', leaves: new Uint8Array(0), redacted: 0 };
  if (!Number.isSafeInteger(firstSeq) || (firstSeq as number) < 1 || typeof firstPrev !== 'string' || !HASH_PATTERN.test(firstPrev)) return bad;
  const v = new LogVerifier(firstPrev, firstSeq);
  let n = 0;
  v.onLeaf = (leaf) => {
    leaf.copy(leaves, n * 32);
    n++;
  };
  for (const e of entries) if (!v.push(e)) break;
  const r = v.result();
  if (!r.valid || !v.treeKnown || n !== entries.length) return bad;
  return { valid: true, firstSeq: firstSeq as number, firstPrev, count: n, headHash: v.headHash, leaves, redacted: r.redacted ?? 0 };
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (msg: { text: string } | 'close') => {
    if (msg === 'close') {
      port.close();
      return;
    }
    try {
      const result = verifyStretch(msg.text);
      port.postMessage({ result });
    } catch (e) {
      port.postMessage({ error: e instanceof Error ? e.message : String(e) });
    }
  });
}
