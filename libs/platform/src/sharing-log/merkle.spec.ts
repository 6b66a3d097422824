import { createHash } from 'node:crypto';
import {
  consistencyProof,
  EMPTY_ROOT,
  inclusionProof,
  merkleLeafHash,
  MerkleFrontier,
  nodesNeeded,
  verifyConsistency,
  verifyInclusion,
  type Hash,
} from './merkle';

// RFC 9162 §2.1 written out as directly as the RFC states it, over the leaf data: the reference.
const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const k = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1);
function mth(d: Buffer[]): Buffer {
  if (d.length === 0) return sha();
  if (d.length === 1) return sha(Buffer.from([0]), d[0]!);
  return sha(Buffer.from([1]), mth(d.slice(0, k(d.length))), mth(d.slice(k(d.length))));
}
function path(m: number, d: Buffer[]): Buffer[] {
  if (d.length === 1) return [];
  const s = k(d.length);
  return m < s ? [...path(m, d.slice(0, s)), mth(d.slice(s))] : [...path(m - s, d.slice(s)), mth(d.slice(0, s))];
}
function subproof(m: number, d: Buffer[], b: boolean): Buffer[] {
  const n = d.length;
  if (m === n) return b ? [] : [mth(d)];
  const s = k(n);
  return m <= s ? [...subproof(m, d.slice(0, s), b), mth(d.slice(s))] : [...subproof(m - s, d.slice(s), false), mth(d.slice(0, s))];
}

// The eight leaves of the Certificate Transparency reference test vectors, with their published roots.
const VECTOR_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) => Buffer.from(h, 'hex'));
const VECTOR_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

function build(leaves: Buffer[]) {
  const f = MerkleFrontier.empty();
  const nodes = new Map<string, Hash>();
  const roots: Hash[] = [];
  for (const l of leaves) {
    for (const n of f.push(merkleLeafHash(l))) nodes.set(`${n.level}/${n.idx}`, n.hash);
    roots.push(f.root());
  }
  return {
    f,
    roots,
    get: (level: number, idx: number) => {
      const h = nodes.get(`${level}/${idx}`);
      if (!h) throw new Error(`no node ${level}/${idx}`);
      return h;
    },
  };
}

describe('RFC 9162 Merkle tree', () => {
  it('matches the Certificate Transparency test vectors', () => {
    const { roots } = build(VECTOR_LEAVES);
    expect(roots.map((r) => r.toString('hex'))).toEqual(VECTOR_ROOTS);
    expect(EMPTY_ROOT.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  const leaves = Array.from({ length: 37 }, (_, i) => Buffer.from(`leaf ${i}`));
  const t = build(leaves);

  it('computes the root of every size like the reference, and survives a stored round trip', () => {
    for (let n = 1; n <= leaves.length; n++) expect(t.roots[n - 1]!.equals(mth(leaves.slice(0, n)))).toBe(true);
    const again = MerkleFrontier.fromBytes(t.f.size, t.f.toBytes());
    expect(again.root().equals(t.f.root())).toBe(true);
  });

  it('gives inclusion proofs equal to the reference PATH, which verify, and fail for a wrong leaf', () => {
    for (let n = 1; n <= leaves.length; n++) {
      for (let m = 0; m < n; m++) {
        const proof = inclusionProof(m, n, t.get);
        expect(proof.map((h) => h.toString('hex'))).toEqual(path(m, leaves.slice(0, n)).map((h) => h.toString('hex')));
        expect(verifyInclusion(m, n, merkleLeafHash(leaves[m]!), proof, t.roots[n - 1]!)).toBe(true);
        expect(verifyInclusion(m, n, merkleLeafHash(Buffer.from('forged')), proof, t.roots[n - 1]!)).toBe(false);
      }
    }
  });

  it('gives consistency proofs equal to the reference PROOF, which verify, and fail against another history', () => {
    const other = build(leaves.map((l, i) => (i === 5 ? Buffer.from('rewritten') : l)));
    for (let n = 1; n <= leaves.length; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(m, n, t.get);
        expect(proof.map((h) => h.toString('hex'))).toEqual(subproof(m, leaves.slice(0, n), true).map((h) => h.toString('hex')));
        expect(verifyConsistency(m, n, proof, t.roots[m - 1]!, t.roots[n - 1]!)).toBe(true);
        if (m > 5) expect(verifyConsistency(m, n, consistencyProof(m, n, other.get), t.roots[m - 1]!, other.roots[n - 1]!)).toBe(false);
      }
    }
  });

  it('lists the stored nodes a proof reads: O(log² n), not the whole tree', () => {
    const needed = nodesNeeded((get) => consistencyProof(1000, 1_000_000, get));
    expect(needed.length).toBeLessThan(60);
  });
});
