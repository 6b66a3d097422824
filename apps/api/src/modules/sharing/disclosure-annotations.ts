import type { EntityManager } from 'typeorm';
import { useRestrictionFor, type UseRestriction } from '@schakel/domain';

export interface DisclosureAnnotation {
  legalReference: string | null;
  provision: string | null;
  useRestriction: UseRestriction | null;
}

/**
 * What a log entry shows beside its hashed fields (issue 9): the article that applied when it was
 * written, the provision cited under a legal obligation, and the art. 458ter §2 use restriction.
 * Display data, outside the hash; fields the entry already carries win.
 */
export async function annotateEntries<T extends { seq: number; redacted?: true }>(m: EntityManager, entries: T[]): Promise<(T | (DisclosureAnnotation & T))[]> {
  const seqs = entries.filter((e) => !e.redacted).map((e) => String(e.seq));
  const rows: { log_seq: string; legal_basis: string; legal_reference: string | null; provision: string | null }[] = seqs.length
    ? await m.query('SELECT log_seq, legal_basis, legal_reference, provision FROM disclosures WHERE log_seq = ANY($1::bigint[])', [seqs])
    : [];
  const bySeq = new Map(rows.map((r) => [Number(r.log_seq), r]));
  return entries.map((e) => {
    const r = bySeq.get(e.seq);
    if (e.redacted || !r) return e;
    return { legalReference: r.legal_reference, provision: r.provision, useRestriction: useRestrictionFor(r.legal_basis), ...e };
  });
}
