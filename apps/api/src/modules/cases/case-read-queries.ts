import type { DataSource, EntityManager } from 'typeorm';
import type { SqlCondition } from '@schakel/authz';
import type { AgencyType, ProtocolStatus } from '@schakel/domain';
import type { DataCategory } from '@schakel/domain';
import { hydrate, hydrateJson } from '../../common/db/hydrate';
import { rawQuery } from '../../common/db/raw-query';
import type { RelationshipRef } from '../persons/person-records';
import { CaseAgency } from './entities/case-agency.entity';
import { CaseIncident } from './entities/case-incident.entity';
import { CaseRecord } from './entities/case.entity';
import { Person } from './entities/person.entity';

// The case reads on every screen (the scoped list, the detail and the access check every case
// route starts with) as hand-written SQL: TypeORM's query building and hydration took a third to a
// half of the API's CPU on them (issue 14, bench/hot-paths.mjs). Each read is one statement that
// also brings the case's agencies and its protocol's signatories, where TypeORM needed three.

type Db = DataSource | EntityManager;

/** `:name` parameters (as rulesToSql and TypeORM write them) → `$n` for a raw query. */
export function positional(sql: string, named: Record<string, unknown>): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const index = new Map<string, number>();
  const text = sql.replace(/(?<!:):([A-Za-z_][A-Za-z0-9_]*)/g, (match, name: string) => {
    if (!(name in named)) return match;
    if (!index.has(name)) {
      values.push(named[name]);
      index.set(name, values.length);
    }
    return `$${index.get(name)}`;
  });
  return { text, values };
}

export interface ScopedCaseRow {
  record: CaseRecord;
  agencyIds: string[];
  protocolAgencyIds: string[];
  deputyIds: string[];
  /** Agencies invited into the case as partners (the confidentiality gate of the list needs them). */
  invitedAgencyIds: string[];
}

/** One page (limit + 1 rows) of cases matching `where`, newest first, with what the row check needs. */
export async function selectCasePage(db: Db, where: SqlCondition, limit: number): Promise<ScopedCaseRow[]> {
  const { text, values } = positional(
    `SELECT c.*,
       ARRAY(SELECT ca.agency_id FROM case_agencies ca WHERE ca.case_id = c.id) AS agency_ids,
       ARRAY(SELECT ca.agency_id FROM case_agencies ca WHERE ca.case_id = c.id AND ca.role = 'INVITED') AS invited_agency_ids,
       ARRAY(SELECT pa.agency_id FROM protocol_agencies pa WHERE pa.protocol_id = c.protocol_id) AS protocol_agency_ids,
       ARRAY(SELECT tm.user_id FROM case_team_members tm WHERE tm.case_id = c.id) AS deputy_ids
     FROM cases c WHERE ${where.sql} ORDER BY c.created_at DESC, c.id DESC LIMIT :page_limit`,
    { ...where.params, page_limit: limit + 1 },
  );
  const rows = await rawQuery<{ agency_ids: string[]; invited_agency_ids: string[]; protocol_agency_ids: string[]; deputy_ids: string[] }>(db, text, values);
  const records = hydrate(db, CaseRecord, rows);
  return rows.map((r, i) => ({
    record: records[i]!,
    agencyIds: r.agency_ids,
    invitedAgencyIds: r.invited_agency_ids,
    protocolAgencyIds: r.protocol_agency_ids,
    deputyIds: r.deputy_ids,
  }));
}

/** A case with its agencies and its protocol's signatories, optionally locked for update; null when absent. */
export async function selectCaseContext(
  db: Db,
  caseId: string,
  lock: boolean,
): Promise<{ record: CaseRecord; agencies: CaseAgency[]; protocolAgencyIds: string[]; deputyIds: string[] } | null> {
  const rows = await rawQuery<{ agencies: Record<string, unknown>[]; protocol_agency_ids: string[]; deputy_ids: string[] }>(
    db,
    `SELECT c.*,
       (SELECT coalesce(json_agg(ca ORDER BY ca.joined_at, ca.agency_id), '[]') FROM case_agencies ca WHERE ca.case_id = c.id) AS agencies,
       ARRAY(SELECT pa.agency_id FROM protocol_agencies pa WHERE pa.protocol_id = c.protocol_id) AS protocol_agency_ids,
       ARRAY(SELECT tm.user_id FROM case_team_members tm WHERE tm.case_id = c.id) AS deputy_ids
     FROM cases c WHERE c.id = $1${lock ? ' FOR UPDATE OF c' : ''}`,
    [caseId],
  );
  const r = rows[0];
  if (!r) return null;
  // json_agg gives timestamps as ISO strings: back to the Dates the entity promises.
  const agencies = hydrate(db, CaseAgency, r.agencies).map((a) =>
    Object.assign(a, {
      joinedAt: new Date(a.joinedAt),
      contributionWaivedAt: a.contributionWaivedAt === null ? null : new Date(a.contributionWaivedAt),
    }),
  );
  return { record: hydrate(db, CaseRecord, [r])[0]!, agencies, protocolAgencyIds: r.protocol_agency_ids, deputyIds: r.deputy_ids };
}

export interface DetailRefs {
  agencies: { id: string; name: string; type: AgencyType }[];
  protocol: { id: string; title: string; reference: string | null; status: ProtocolStatus; validFrom: string; validUntil: string | null };
}

/** What the case detail shows besides the case row, for a caller of `callerAgencyId`. */
export interface CaseDetailRows extends DetailRefs {
  persons: Person[];
  relationships: RelationshipRef[];
  /** Per person: the data categories disclosed to the caller's agency. */
  disclosed: Map<string, DataCategory[]>;
  /** Agencies that contributed to the case (whether, not what). */
  contributing: Set<string>;
  /** The accounts of the case director and the deputies (for the team and the director's agency). */
  teamUsers: { id: string; displayName: string; agencyId: string; active: boolean }[];
  incidents: CaseIncident[];
}

/**
 * Everything the case detail reads besides the case context, in one statement (it was nine:
 * persons, relationships, disclosures, the director's agency, agency and protocol names,
 * contributions, the team's accounts, incidents; issue 14). Other modules' tables are read as plain
 * values (the shapes of their directories: RelationshipRef, StaffMember), never as their entities.
 */
export async function selectCaseDetail(
  db: Db,
  ctx: { caseId: string; agencyIds: string[]; protocolId: string; teamIds: string[] },
  callerAgencyId: string,
): Promise<CaseDetailRows> {
  const rows = await rawQuery<{
    persons: Record<string, unknown>[];
    relationships: { id: string; from_person_id: string; to_person_id: string; type: RelationshipRef['type']; violence: RelationshipRef['violence'] }[];
    disclosed: { person_id: string; categories: DataCategory[] }[];
    agencies: { id: string; name: string; type: AgencyType }[];
    protocol: DetailRefs['protocol'] | null;
    contributing: string[];
    team_users: { id: string; display_name: string; agency_id: string; active: boolean }[];
    incidents: Record<string, unknown>[];
  }>(
    db,
    `SELECT
       (SELECT coalesce(json_agg(p ORDER BY p.created_at), '[]') FROM persons p WHERE p.case_id = $1) AS persons,
       (SELECT coalesce(json_agg(json_build_object('id', r.id, 'from_person_id', r.from_person_id, 'to_person_id', r.to_person_id, 'type', r.type,
          'violence', r.violence) ORDER BY r.created_at), '[]') FROM person_relationships r WHERE r.case_id = $1) AS relationships,
       (SELECT coalesce(json_agg(d), '[]') FROM (
          SELECT pd.person_id, array_agg(DISTINCT c) AS categories FROM person_disclosures pd, unnest(pd.categories) c
          WHERE pd.case_id = $1 AND $2 = ANY(pd.to_agency_ids) GROUP BY pd.person_id) d) AS disclosed,
       (SELECT coalesce(json_agg(json_build_object('id', a.id, 'name', a.name, 'type', a.type)), '[]') FROM agencies a WHERE a.id = ANY($3::uuid[])) AS agencies,
       (SELECT json_build_object('id', p.id, 'title', p.title, 'reference', p.reference, 'status', p.status, 'validFrom', p.valid_from::text,
          'validUntil', p.valid_until::text) FROM protocols p WHERE p.id = $4) AS protocol,
       ARRAY(SELECT DISTINCT x.agency_id FROM contributions x WHERE x.case_id = $1) AS contributing,
       (SELECT coalesce(json_agg(json_build_object('id', u.id, 'display_name', u.display_name, 'agency_id', u.agency_id, 'active', u.active)), '[]')
          FROM users u WHERE u.id = ANY($5::uuid[])) AS team_users,
       (SELECT coalesce(json_agg(i ORDER BY i.created_at), '[]') FROM case_incidents i WHERE i.case_id = $1) AS incidents`,
    [ctx.caseId, callerAgencyId, ctx.agencyIds, ctx.protocolId, ctx.teamIds],
  );
  const r = rows[0]!;
  if (!r.protocol) throw new Error(`protocol ${ctx.protocolId} of a case is missing`);
  return {
    persons: hydrateJson(db, Person, r.persons),
    relationships: r.relationships.map((x) => ({ id: x.id, fromPersonId: x.from_person_id, toPersonId: x.to_person_id, type: x.type, violence: x.violence })),
    disclosed: new Map(r.disclosed.map((d) => [d.person_id, d.categories])),
    agencies: r.agencies,
    protocol: r.protocol,
    contributing: new Set(r.contributing),
    teamUsers: r.team_users.map((u) => ({ id: u.id, displayName: u.display_name, agencyId: u.agency_id, active: u.active })),
    incidents: hydrateJson(db, CaseIncident, r.incidents),
  };
}
