import type { DataSource } from 'typeorm';
import { useRestrictionFor, type LegalBasis, type UseRestriction } from '@schakel/domain';

export interface DisclosureMark {
  legalBasis: LegalBasis;
  legalReference: string | null;
  provision: string | null;
  at: string;
}
export interface ContributionMarks {
  disclosures: DisclosureMark[];
  useRestriction: UseRestriction | null;
}

/**
 * How each contribution was shared: the legal basis and the article that applied, and the §2 use
 * restriction when any disclosure of it was made under art. 458ter (issue 9).
 */
export async function contributionMarks(ds: DataSource, ids: string[]): Promise<Map<string, ContributionMarks>> {
  const map = new Map<string, ContributionMarks>();
  if (!ids.length) return map;
  const rows: { contribution_id: string; legal_basis: LegalBasis; legal_reference: string | null; provision: string | null; created_at: Date }[] =
    await ds.query(
      'SELECT contribution_id, legal_basis, legal_reference, provision, created_at FROM disclosures WHERE contribution_id = ANY($1) ORDER BY created_at',
      [ids],
    );
  for (const r of rows) {
    const m = map.get(r.contribution_id) ?? { disclosures: [], useRestriction: null };
    m.disclosures.push({ legalBasis: r.legal_basis, legalReference: r.legal_reference, provision: r.provision, at: new Date(r.created_at).toISOString() });
    m.useRestriction ??= useRestrictionFor(r.legal_basis);
    map.set(r.contribution_id, m);
  }
  return map;
}
