import type { FieldSqlMap } from '@schakel/authz';

// `OFFSET 0` keeps each membership check a per-row probe of case_agencies_agency_idx /
// protocol_agencies_agency_idx. Without it PostgreSQL turns the EXISTS inside an OR into a hashed
// subplan that reads every membership of the agency (10,000 rows at 100,000 cases) on every list
// request, while the keyset-ordered list only ever probes a few hundred rows (bench/hot-paths.mjs).

/** The Case rule fields of libs/authz as SQL over `cases c`: list queries filter with the same rules as row checks. */
export const CASE_SCOPE_FIELDS: FieldSqlMap = {
  agencyIds: (p) => `EXISTS (SELECT 1 FROM case_agencies sca WHERE sca.case_id = c.id AND sca.agency_id = :${p} OFFSET 0)`,
  directorId: (p, v) => (v === null ? 'c.director_id IS NULL' : `c.director_id = :${p}`),
  teamIds: (p) => `(c.director_id = :${p} OR EXISTS (SELECT 1 FROM case_team_members stm WHERE stm.case_id = c.id AND stm.user_id = :${p}))`,
  referrerId: (p) => `c.referrer_id = :${p}`,
  protocolAgencyIds: (p) => `EXISTS (SELECT 1 FROM protocol_agencies spa WHERE spa.protocol_id = c.protocol_id AND spa.agency_id = :${p} OFFSET 0)`,
};
