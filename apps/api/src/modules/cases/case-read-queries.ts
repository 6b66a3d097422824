import type { DataSource, EntityManager } from 'typeorm';
import type { SqlCondition } from '@schakel/authz';
import type { AgencyType, ProtocolStatus } from '@schakel/domain';
import { hydrate } from '../../common/db/hydrate';
import { CaseAgency } from './entities/case-agency.entity';
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
}

/** One page (limit + 1 rows) of cases matching `where`, newest first, with what the row check needs. */
export async function selectCasePage(db: Db, where: SqlCondition, limit: number): Promise<ScopedCaseRow[]> {
  const { text, values } = positional(
    `SELECT c.*,
       ARRAY(SELECT ca.agency_id FROM case_agencies ca WHERE ca.case_id = c.id) AS agency_ids,
       ARRAY(SELECT pa.agency_id FROM protocol_agencies pa WHERE pa.protocol_id = c.protocol_id) AS protocol_agency_ids,
       ARRAY(SELECT tm.user_id FROM case_team_members tm WHERE tm.case_id = c.id) AS deputy_ids
     FROM cases c WHERE ${where.sql} ORDER BY c.created_at DESC, c.id DESC LIMIT :page_limit`,
    { ...where.params, page_limit: limit + 1 },
  );
  const rows: { agency_ids: string[]; protocol_agency_ids: string[]; deputy_ids: string[] }[] = await db.query(text, values);
  const records = hydrate(db, CaseRecord, rows);
  return rows.map((r, i) => ({ record: records[i]!, agencyIds: r.agency_ids, protocolAgencyIds: r.protocol_agency_ids, deputyIds: r.deputy_ids }));
}

/** A case with its agencies and its protocol's signatories, optionally locked for update; null when absent. */
export async function selectCaseContext(
  db: Db,
  caseId: string,
  lock: boolean,
): Promise<{ record: CaseRecord; agencies: CaseAgency[]; protocolAgencyIds: string[]; deputyIds: string[] } | null> {
  const rows: { agencies: Record<string, unknown>[]; protocol_agency_ids: string[]; deputy_ids: string[] }[] = await db.query(
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

/** The (encrypted) persons of a case, in the order they were recorded. */
export async function selectPersons(db: Db, caseId: string): Promise<Person[]> {
  return hydrate(db, Person, await db.query('SELECT * FROM persons WHERE case_id = $1 ORDER BY created_at', [caseId]));
}

/** The names of a case's agencies and its protocol, in one statement. */
export async function selectDetailRefs(
  db: Db,
  agencyIds: string[],
  protocolId: string,
): Promise<{
  agencies: { id: string; name: string; type: AgencyType }[];
  protocol: { id: string; title: string; reference: string | null; status: ProtocolStatus; validFrom: string; validUntil: string | null };
}> {
  const rows: {
    agencies: { id: string; name: string; type: AgencyType }[];
    protocol: { id: string; title: string; reference: string | null; status: ProtocolStatus; validFrom: string; validUntil: string | null } | null;
  }[] = await db.query(
    `SELECT (SELECT coalesce(json_agg(json_build_object('id', a.id, 'name', a.name, 'type', a.type)), '[]') FROM agencies a WHERE a.id = ANY($1::uuid[])) AS agencies,
       (SELECT json_build_object('id', p.id, 'title', p.title, 'reference', p.reference, 'status', p.status, 'validFrom', p.valid_from::text,
          'validUntil', p.valid_until::text) FROM protocols p WHERE p.id = $2) AS protocol`,
    [agencyIds, protocolId],
  );
  const r = rows[0]!;
  if (!r.protocol) throw new Error(`protocol ${protocolId} of a case is missing`);
  return { agencies: r.agencies, protocol: r.protocol };
}
