#!/usr/bin/env node
// The bare baseline of bench/hot-paths.mjs: node:http + pg, no framework, answering the scoped case
// list and the case detail for a case director with the same SQL, the same JWT check (HS256 with a
// KeyObject), the same decryption and the same response bodies as Schakel. It is what the API would
// cost with nothing but the work the response needs; Schakel's throughput is reported as a ratio of it.
// Env: DATABASE_URL, JWT_SECRET, ENCRYPTION_KEYS, DIST (the built API, default dist/api).
import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';

const require = createRequire(import.meta.url);
const dist = process.env.DIST ?? join(new URL('../..', import.meta.url).pathname, 'dist/api');
const { FieldCipher } = require(join(dist, 'apps/api/src/modules/crypto/field-cipher.js'));
const { nextStages, isProtocolInForce, todayInBrussels, personCompartments, birthYearOf } = require(join(dist, 'libs/domain/src/index.js'));

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, application_name: 'bench-baseline' });
const cipher = new FieldCipher(process.env.ENCRYPTION_KEYS);
const key = createSecretKey(Buffer.from(process.env.JWT_SECRET, 'utf8'));

function verify(header) {
  const token = header?.startsWith('Bearer ') ? header.slice(7) : '';
  const [h, p, s] = token.split('.');
  if (!h || !p || !s) return null;
  const mac = createHmac('sha256', key).update(`${h}.${p}`).digest();
  const sig = Buffer.from(s, 'base64url');
  if (sig.length !== mac.length || !timingSafeEqual(sig, mac)) return null;
  if (JSON.parse(Buffer.from(h, 'base64url').toString()).alg !== 'HS256') return null;
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
  if (claims.aud !== 'schakel-api' || claims.typ !== 'access' || claims.exp * 1000 <= Date.now()) return null;
  return claims;
}

// The statements Schakel runs (apps/api/src/modules/identity/user-loader.service.ts,
// apps/api/src/modules/cases/case-read-queries.ts, the access-log insert), with the case director's
// read scope as libs/authz and rulesToSql produce it.
const USER = `SELECT u.*, a.name AS agency_name, a.type AS agency_type, a.district AS agency_district FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.id = $1`;
const LIST = `SELECT c.*,
    ARRAY(SELECT ca.agency_id FROM case_agencies ca WHERE ca.case_id = c.id) AS agency_ids,
    ARRAY(SELECT ca.agency_id FROM case_agencies ca WHERE ca.case_id = c.id AND ca.role = 'INVITED') AS invited_agency_ids,
    ARRAY(SELECT pa.agency_id FROM protocol_agencies pa WHERE pa.protocol_id = c.protocol_id) AS protocol_agency_ids,
    ARRAY(SELECT tm.user_id FROM case_team_members tm WHERE tm.case_id = c.id) AS deputy_ids
  FROM cases c
  WHERE (EXISTS (SELECT 1 FROM case_agencies sca WHERE sca.case_id = c.id AND sca.agency_id = $1 OFFSET 0)
    OR (c.director_id = $2 OR EXISTS (SELECT 1 FROM case_team_members stm WHERE stm.case_id = c.id AND stm.user_id = $2))
    OR (EXISTS (SELECT 1 FROM protocol_agencies spa WHERE spa.protocol_id = c.protocol_id AND spa.agency_id = $3 OFFSET 0) AND c.director_id IS NULL))
  ORDER BY c.created_at DESC, c.id DESC LIMIT $4`;
const CASE = `SELECT c.*,
    (SELECT coalesce(json_agg(ca ORDER BY ca.joined_at, ca.agency_id), '[]') FROM case_agencies ca WHERE ca.case_id = c.id) AS agencies,
    ARRAY(SELECT pa.agency_id FROM protocol_agencies pa WHERE pa.protocol_id = c.protocol_id) AS protocol_agency_ids,
    ARRAY(SELECT tm.user_id FROM case_team_members tm WHERE tm.case_id = c.id) AS deputy_ids
  FROM cases c WHERE c.id = $1`;
const DETAIL = `SELECT
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
    (SELECT coalesce(json_agg(i ORDER BY i.created_at), '[]') FROM case_incidents i WHERE i.case_id = $1) AS incidents`;

const iso = (d) => (d === null || d === undefined ? null : d.toISOString());
// Property by property, no `{ ...x, more }`: see apps/api/src/modules/cases/case.view.ts.
const summary = (c) => ({
  id: c.id,
  reference: c.reference,
  stage: c.stage,
  closureReason: c.closure_reason,
  createdAt: c.created_at.toISOString(),
  limited: false,
  protocolId: c.protocol_id,
  riskLevel: c.risk_level,
  repeatReferral: c.repeat_referral,
  redFlags: c.red_flags,
  directorId: c.director_id,
  referrerId: c.referrer_id,
  referringAgencyId: c.referring_agency_id,
  stageEnteredAt: c.stage_entered_at.toISOString(),
  version: c.version,
  deputyIds: c.deputy_ids,
  urgent: c.urgent,
  triageDueAt: iso(c.triage_due_at),
  triagedAt: iso(c.triaged_at),
  reopenedAt: iso(c.reopened_at),
  urgentConferenceRequestedAt: iso(c.urgent_conference_requested_at),
});
const dec = (v, col) => (v === null || v === undefined ? null : cipher.decrypt(v, `persons.${col}`));
const localDay = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

async function list(user) {
  const { rows } = await pool.query(LIST, [user.agency_id, user.id, user.agency_id, 51]);
  // (agency_ids / invited_agency_ids / protocol_agency_ids feed Schakel's per-row checks; a director
  // sees every row in full and is invited nowhere here)
  const page = rows.slice(0, 50);
  const last = page[page.length - 1];
  return {
    items: page.map(summary),
    nextCursor: rows.length > 50 ? Buffer.from(JSON.stringify({ k: last.created_at.toISOString(), id: last.id })).toString('base64url') : null,
  };
}

async function detail(user, id) {
  const {
    rows: [c],
  } = await pool.query(CASE, [id]);
  if (!c || !(c.agencies.some((a) => a.agency_id === user.agency_id) || c.director_id === user.id)) return null;
  const team = c.director_id ? [c.director_id, ...c.deputy_ids] : c.deputy_ids;
  const [
    {
      rows: [d],
    },
  ] = await Promise.all([
    pool.query(DETAIL, [id, user.agency_id, c.agencies.map((a) => a.agency_id), c.protocol_id, team]),
    pool.query('INSERT INTO access_log (user_id, agency_id, case_id, resource, resource_id) VALUES ($1, $2, $3, $4, $5)', [
      user.id,
      user.agency_id,
      id,
      'CASE',
      null,
    ]),
  ]);
  const p = d.protocol;
  const contributed = new Set(d.contributing);
  const directorAgencyId = d.team_users.find((u) => u.id === c.director_id)?.agency_id ?? null;
  const disclosed = new Map(d.disclosed.map((x) => [x.person_id, x.categories]));
  const member = (uid, role) => {
    const u = d.team_users.find((x) => x.id === uid);
    return { userId: uid, displayName: u?.display_name ?? null, agencyId: u?.agency_id ?? null, active: u?.active ?? false, role };
  };
  // In caseDetailView's order (apps/api/src/modules/cases/case.view.ts), property by property.
  return {
    id: c.id,
    reference: c.reference,
    stage: c.stage,
    closureReason: c.closure_reason,
    createdAt: c.created_at.toISOString(),
    limited: false,
    protocolId: c.protocol_id,
    riskLevel: c.risk_level,
    repeatReferral: c.repeat_referral,
    redFlags: c.red_flags,
    directorId: c.director_id,
    referrerId: c.referrer_id,
    referringAgencyId: c.referring_agency_id,
    stageEnteredAt: c.stage_entered_at.toISOString(),
    version: c.version,
    summary: cipher.decrypt(c.summary ?? '', 'cases.summary'),
    incident: {
      date: localDay(c.incident_date),
      types: c.incident_types,
      policeReference: c.police_reference === null ? null : cipher.decrypt(c.police_reference, 'cases.police_reference'),
    },
    informed: c.informed,
    consentGiven: c.consent_given,
    legalHold: c.legal_hold,
    closedAt: iso(c.closed_at),
    updatedAt: c.updated_at.toISOString(),
    protocol: {
      id: p.id,
      title: p.title,
      reference: p.reference,
      status: p.status,
      inForce: isProtocolInForce(p, todayInBrussels()),
      agencyIds: c.protocol_agency_ids,
    },
    agencies: c.agencies.map((ca) => {
      const a = d.agencies.find((x) => x.id === ca.agency_id);
      return {
        id: a.id,
        name: a.name,
        type: a.type,
        role: ca.role,
        contributionWaived: ca.contribution_waived_at !== null,
        contributed: contributed.has(a.id),
      };
    }),
    persons: d.persons.map((x) => {
      const birthDate = dec(x.birth_date, 'birth_date');
      const view = {
        id: x.id,
        role: x.role,
        firstName: dec(x.first_name, 'first_name'),
        lastName: dec(x.last_name, 'last_name'),
        birthDate,
        nationalNumber: dec(x.national_number, 'national_number'),
        address: dec(x.address, 'address'),
        gender: dec(x.gender, 'gender'),
        phone: dec(x.phone, 'phone'),
        email: dec(x.email, 'email'),
        genderCode: x.gender_code ?? null,
        birthYear: birthYearOf(birthDate),
        confidentialAddress: x.confidential_address,
        informed: x.informed,
        consentGiven: x.consent_given,
        relationships: d.relationships
          .filter((r) => r.from_person_id === x.id || r.to_person_id === x.id)
          .map((r) => ({ id: r.id, fromPersonId: r.from_person_id, toPersonId: r.to_person_id, type: r.type, violence: r.violence })),
        version: x.version,
        withheld: [],
        withheldReasons: {},
      };
      const verdict = personCompartments({
        callerAgencyId: user.agency_id,
        referringAgencyId: c.referring_agency_id,
        directorAgencyId,
        confidentialAddress: x.confidential_address,
        addressAuthorAgencyId: x.address_author_agency_id ?? x.created_by_agency_id ?? c.referring_agency_id,
        disclosedToCaller: disclosed.get(x.id) ?? [],
      });
      for (const { field, reason } of verdict.withheld) {
        view[field] = null;
        view.withheld.push(field);
        view.withheldReasons[field] = reason;
      }
      return view;
    }),
    nextStages: nextStages(c.stage),
    deputyIds: c.deputy_ids,
    urgent: c.urgent,
    triageDueAt: iso(c.triage_due_at),
    triagedAt: iso(c.triaged_at),
    reopenedAt: iso(c.reopened_at),
    urgentConferenceRequestedAt: iso(c.urgent_conference_requested_at),
    team: { director: c.director_id ? member(c.director_id, 'DIRECTOR') : null, deputies: c.deputy_ids.map((uid) => member(uid, 'DEPUTY')) },
    incidents: d.incidents.map((i) => ({
      id: i.id,
      caseId: i.case_id,
      date: i.incident_date,
      types: i.types,
      policeReference: i.police_reference === null ? null : cipher.decrypt(i.police_reference, 'case_incidents.police_reference'),
      agencyId: i.agency_id,
      addedBy: i.added_by,
      createdAt: new Date(i.created_at).toISOString(),
    })),
    dangerStatement: c.danger_statement === null ? null : cipher.decrypt(c.danger_statement, 'cases.danger_statement'),
    previousCase: null, // (the bench's cases are no repeat referrals of a case the director may see)
  };
}

const send = (res, status, body) => {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
};

const server = http.createServer(async (req, res) => {
  try {
    const claims = verify(req.headers.authorization);
    if (!claims) return send(res, 401, { statusCode: 401 });
    const {
      rows: [user],
    } = await pool.query(USER, [claims.sub]);
    if (!user?.active) return send(res, 401, { statusCode: 401 });
    const path = req.url.split('?')[0];
    if (path === '/api/v1/cases') return send(res, 200, await list(user));
    const m = /^\/api\/v1\/cases\/([0-9a-f-]{36})$/.exec(path);
    const body = m ? await detail(user, m[1]) : null;
    return body ? send(res, 200, body) : send(res, 404, { statusCode: 404 });
  } catch (e) {
    send(res, 500, { statusCode: 500, message: String(e) });
  }
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
