import type { FieldSqlMap } from '@schakel/authz';

/** The Protocol rule fields of libs/authz as SQL over `protocols p`. */
export const PROTOCOL_SCOPE_FIELDS: FieldSqlMap = {
  agencyIds: (p) => `EXISTS (SELECT 1 FROM protocol_agencies spa WHERE spa.protocol_id = p.id AND spa.agency_id = :${p})`,
  district: (p) => `p.district = :${p}`,
  status: (p) => `p.status = :${p}`,
  approverAgencyIds: (p) => `:${p} = ANY(p.approver_agency_ids)`,
};
