// RFC 9162 §2.1 Merkle tree hashing, inclusion and consistency proofs, as Certificate Transparency
// and C2SP transparency logs use them. Leaves are sharing-log entries in seq order (leaf index =
// seq - 1). Hashes are 32-byte Buffers here; the API and notes spell them in base64.
//
// A tree of size n is stored as its complete ("perfect") subtrees: node (level, idx) is the hash of
// leaves [idx·2^level, (idx+1)·2^level). Every subtree hash a proof needs is a fold of such nodes,
// so a proof reads O(log² n) stored nodes and never re-hashes the log.

import { hash } from 'node:crypto';

export type Hash = Buffer;

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** MTH({d}) = SHA-256(0x00 ‖ d). */
export function merkleLeafHash(data: string | Buffer): Hash {
  const d = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return hash('sha256', Buffer.concat([LEAF_PREFIX, d]), 'buffer') as unknown as Buffer;
}

// One reusable input buffer for interior nodes: verification hashes about one node per leaf, and
// allocating a 65-byte concat for each showed up in profiles.
const nodeInput = Buffer.alloc(65);

/** SHA-256(0x01 ‖ left ‖ right). */
export function merkleNodeHash(left: Hash, right: Hash): Hash {
  if (left.length !== 32 || right.length !== 32) return hash('sha256', Buffer.concat([NODE_PREFIX, left, right]), 'buffer') as unknown as Buffer;
  nodeInput[0] = 0x01;
  nodeInput.set(left, 1);
  nodeInput.set(right, 33);
  // As latin1 then copied into a (pooled) Buffer: a digest Buffer of its own costs more than the hash.
  return Buffer.from(hash('sha256', nodeInput, 'binary'), 'latin1');
}

/** MTH of the empty tree: SHA-256 of the empty string. */
export const EMPTY_ROOT: Hash = hash('sha256', Buffer.alloc(0), 'buffer') as unknown as Buffer;

/** The largest power of two smaller than n (n > 1): RFC 9162's k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export interface PerfectNode {
  level: number;
  idx: number;
  hash: Hash;
}

/**
 * The right edge of a tree while leaves are appended: one complete subtree root per set bit of
 * the size, largest first (a "compact range"). Appending costs amortised two hashes and yields the
 * complete subtrees it closes, which is what the log stores for proofs.
 */
export class MerkleFrontier {
  private constructor(
    private size_: number,
    private readonly nodes: Hash[],
  ) {}

  static empty(): MerkleFrontier {
    return new MerkleFrontier(0, []);
  }

  /** From the stored form: the concatenated 32-byte roots, largest subtree first. */
  static fromBytes(size: number, bytes: Buffer): MerkleFrontier {
    const count = popcount(size);
    if (bytes.length !== count * 32) throw new Error(`frontier of size ${size} needs ${count} hashes, got ${bytes.length / 32}`);
    const nodes: Hash[] = [];
    for (let i = 0; i < count; i++) nodes.push(Buffer.from(bytes.subarray(i * 32, i * 32 + 32)));
    return new MerkleFrontier(size, nodes);
  }

  get size(): number {
    return this.size_;
  }

  toBytes(): Buffer {
    return Buffer.concat(this.nodes);
  }

  clone(): MerkleFrontier {
    return new MerkleFrontier(this.size_, [...this.nodes]);
  }

  /** Adds a leaf (its leaf hash); returns the complete subtrees this closes, the leaf itself first. */
  push(leafHash: Hash): PerfectNode[] {
    const index = this.size_;
    const closed: PerfectNode[] = [{ level: 0, idx: index, hash: leafHash }];
    let carry = leafHash;
    let level = 0;
    // Each trailing 1-bit of the old size is a complete subtree that the new leaf completes a sibling of.
    while ((Math.floor(index / 2 ** level) & 1) === 1) {
      carry = merkleNodeHash(this.nodes.pop()!, carry);
      level++;
      closed.push({ level, idx: Math.floor(index / 2 ** level), hash: carry });
    }
    this.nodes.push(carry);
    this.size_ = index + 1;
    return closed;
  }

  /** push() without reporting the closed subtrees: the verifier's hot path (no per-leaf allocations). */
  append(leafHash: Hash): void {
    // Beyond 31-bit sizes the int32 bit operations below do not hold; the general path does.
    if (this.size_ >= 2 ** 31) {
      this.push(leafHash);
      return;
    }
    let index = this.size_;
    let carry = leafHash;
    while ((index & 1) === 1) {
      carry = merkleNodeHash(this.nodes.pop()!, carry);
      index >>>= 1;
    }
    this.nodes.push(carry);
    this.size_++;
  }

  /**
   * Appends the leaves of `other` (a tree built on its own, from leaf 0) after this tree's leaves:
   * its complete subtrees become this tree's, which is exact when this size is a multiple of
   * other's largest subtree (an aligned range, as parallel verification splits the log).
   */
  extend(other: MerkleFrontier): void {
    let left = other.size_;
    for (const node of other.nodes) {
      let level = 0;
      while (2 ** (level + 1) <= left) level++;
      const width = 2 ** level;
      if (this.size_ % width !== 0) throw new RangeError(`cannot append a subtree of ${width} leaves at size ${this.size_}`);
      let index = this.size_ / width;
      let carry = node;
      while (index % 2 === 1) {
        carry = merkleNodeHash(this.nodes.pop()!, carry);
        index = (index - 1) / 2;
      }
      this.nodes.push(carry);
      this.size_ += width;
      left -= width;
    }
  }

  /** MTH of the tree so far. */
  root(): Hash {
    let acc = this.nodes.at(-1);
    if (acc === undefined) return EMPTY_ROOT;
    for (let i = this.nodes.length - 2; i >= 0; i--) acc = merkleNodeHash(this.nodes[i]!, acc);
    return acc;
  }
}

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x > 0; x = Math.floor(x / 2)) c += x & 1;
  return c;
}

/** Where a stored complete subtree lives. */
export type NodeGetter = (level: number, idx: number) => Hash;

/** MTH(D[lo:hi]) from stored complete subtrees, splitting exactly as RFC 9162 does. */
export function subtreeHash(lo: number, hi: number, get: NodeGetter): Hash {
  const n = hi - lo;
  if (n <= 0) throw new Error('empty subtree');
  if ((n & (n - 1)) === 0 && lo % n === 0) return get(Math.log2(n), lo / n);
  const k = splitPoint(n);
  return merkleNodeHash(subtreeHash(lo, lo + k, get), subtreeHash(lo + k, hi, get));
}

/** RFC 9162 §2.1.3.1 PATH(m, D[0:n]) for leaf index m, bottom-up. */
export function inclusionProof(m: number, n: number, get: NodeGetter): Hash[] {
  if (!(Number.isSafeInteger(m) && Number.isSafeInteger(n) && m >= 0 && m < n)) throw new RangeError('leaf index must be in [0, size)');
  const path: Hash[] = [];
  const walk = (m: number, lo: number, hi: number): void => {
    if (hi - lo <= 1) return;
    const k = splitPoint(hi - lo);
    if (m < k) {
      walk(m, lo, lo + k);
      path.push(subtreeHash(lo + k, hi, get));
    } else {
      walk(m - k, lo + k, hi);
      path.push(subtreeHash(lo, lo + k, get));
    }
  };
  walk(m, 0, n);
  return path;
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[0:n]), 0 < m ≤ n. */
export function consistencyProof(m: number, n: number, get: NodeGetter): Hash[] {
  if (!(Number.isSafeInteger(m) && Number.isSafeInteger(n) && m > 0 && m <= n)) throw new RangeError('sizes must satisfy 0 < from ≤ to');
  const out: Hash[] = [];
  const sub = (m: number, lo: number, hi: number, b: boolean): void => {
    const n = hi - lo;
    if (m === n) {
      if (!b) out.push(subtreeHash(lo, hi, get));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      sub(m, lo, lo + k, b);
      out.push(subtreeHash(lo + k, hi, get));
    } else {
      sub(m - k, lo + k, hi, false);
      out.push(subtreeHash(lo, lo + k, get));
    }
  };
  sub(m, 0, n, true);
  return out;
}

/** The stored nodes a proof will read, so they can be fetched in one query before it is computed. */
export function nodesNeeded(compute: (get: NodeGetter) => unknown): { level: number; idx: number }[] {
  const seen = new Map<string, { level: number; idx: number }>();
  compute((level, idx) => {
    seen.set(`${level}/${idx}`, { level, idx });
    return EMPTY_ROOT;
  });
  return [...seen.values()];
}

/** RFC 9162 §2.1.3.2: does `proof` show the leaf at `index` is in the tree of `size` with `root`? */
export function verifyInclusion(index: number, size: number, leafHash: Hash, proof: Hash[], root: Hash): boolean {
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return false;
    if ((fn & 1) === 1 || fn === sn) {
      r = merkleNodeHash(p, r);
      if ((fn & 1) === 0) {
        while ((fn & 1) === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = merkleNodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: is the tree (size2, root2) an append-only extension of (size1, root1)? */
export function verifyConsistency(size1: number, size2: number, proof: Hash[], root1: Hash, root2: Hash): boolean {
  if (!(Number.isSafeInteger(size1) && Number.isSafeInteger(size2) && size1 >= 0 && size1 <= size2)) return false;
  if (size1 === size2) return proof.length === 0 && root1.equals(root2);
  if (size1 === 0) return proof.length === 0; // the empty tree is a prefix of every tree
  if (proof.length === 0) return false;
  let path = proof;
  if ((size1 & (size1 - 1)) === 0) path = [root1, ...proof]; // size1 a power of two: its root is implied
  let fn = size1 - 1;
  let sn = size2 - 1;
  while ((fn & 1) === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  const start = path[0];
  if (start === undefined) return false;
  let fr = start;
  let sr = start;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if ((fn & 1) === 1 || fn === sn) {
      fr = merkleNodeHash(c, fr);
      sr = merkleNodeHash(c, sr);
      if ((fn & 1) === 0) {
        while ((fn & 1) === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = merkleNodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return fr.equals(root1) && sr.equals(root2) && sn === 0;
}
