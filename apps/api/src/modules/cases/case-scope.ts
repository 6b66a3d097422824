import type { FieldSqlMap } from '@schakel/authz';

/** The Case rule fields of libs/authz as SQL over `cases c`: list queries filter with the same rules as row checks. */
export const CASE_SCOPE_FIELDS: FieldSqlMap = {
  agencyIds: (p) => `EXISTS (SELECT 1 FROM case_agencies sca WHERE sca.case_id = c.id AND sca.agency_id = :${p})`,
  directorId: (p, v) => (v === null ? 'c.director_id IS NULL' : `c.director_id = :${p}`),
  teamIds: (p) => `(c.director_id = :${p} OR EXISTS (SELECT 1 FROM case_team_members stm WHERE stm.case_id = c.id AND stm.user_id = :${p}))`,
  referrerId: (p) => `c.referrer_id = :${p}`,
  protocolAgencyIds: (p) => `EXISTS (SELECT 1 FROM protocol_agencies spa WHERE spa.protocol_id = c.protocol_id AND spa.agency_id = :${p})`,
};
