// The 100,000-case world of bench/hot-paths.mjs: a district seeded through the HTTP API (agencies,
// accounts, an approved protocol, referrals with encrypted persons, accepted cases), then multiplied
// with SQL from those API-made rows, so every row is one the API itself could have written.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export async function buildWorld({ base, dbUrl, adminEmail, adminPassword, cases, log }) {
  async function call(method, path, token, body) {
    const res = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }
  const login = async (email, password) => (await call('POST', '/auth/login', null, { email, password })).accessToken;
  const adminToken = await login(adminEmail, adminPassword);
  const agency = async (name, type) => (await call('POST', '/agencies', adminToken, { name, type, district: 'Bench' })).id;
  const police = await agency('PZ Bench', 'POLICE');
  const fjc = await agency('FJC Bench', 'FAMILY_JUSTICE_CENTRE');
  const otherFjc = await agency('FJC Elders', 'FAMILY_JUSTICE_CENTRE');
  const parket = await agency('Parket Bench', 'PROSECUTION');
  const accounts = {};
  const user = async (agencyId, role) => {
    const email = `${role}-${randomBytes(3).toString('hex')}@bench.be`;
    const { id } = await call('POST', '/users', adminToken, { email, displayName: email, agencyId, roles: [role], password: 'bench-user-password' });
    accounts[email] = id;
    return { id, email, token: await login(email, 'bench-user-password') };
  };
  const director = await user(fjc, 'case_director');
  const otherDirector = await user(otherFjc, 'case_director');
  const referrer = await user(police, 'referrer');
  const liaison = await user(parket, 'prosecutor_liaison');
  const protocol = await call('POST', '/protocols', director.token, {
    title: 'Bench protocol',
    district: 'Bench',
    purpose: 'Benchmarking the hot paths',
    agencyIds: [police, otherFjc],
    dataCategories: ['IDENTIFICATION'],
    retentionMonths: 12,
    validFrom: '2026-01-01',
  });
  await call('POST', `/protocols/${protocol.id}/submit`, director.token, {});
  await call('POST', `/protocols/${protocol.id}/approve`, liaison.token, { reference: 'BENCH/1', motivation: 'Benchmark protocol, reasoned approval.' });

  const seeded = [];
  for (let i = 0; i < 20; i++) {
    const r = await call('POST', '/referrals', referrer.token, {
      protocolId: protocol.id,
      summary: `Bench referral number ${i} with enough words`,
      incident: { date: '2026-11-01', types: ['PHYSICAL'] },
      persons: [
        { role: 'VICTIM', firstName: `Victim${i}`, lastName: 'Bench', birthDate: '1990-01-01', address: 'Bench street 1, 1000 Brussels' },
        { role: 'ALLEGED_PERPETRATOR', firstName: `Other${i}`, lastName: 'Bench' },
      ],
      redFlags: ['RF04'],
      informed: true,
      consentGiven: true,
    });
    seeded.push(r.caseId);
  }
  // Half are accepted by our director (their agency joins the case), the rest wait for one.
  for (const id of seeded.slice(0, 10)) await call('POST', `/cases/${id}/transitions`, director.token, { to: 'DOSSIERVORMING', reason: 'bench' });
  log(`seeded ${seeded.length} referrals through the API`);

  // Multiply: one in ten cases is directed by our FJC, the rest by another agency's director, so the
  // scoped list has to skip nine foreign cases for every one it shows.
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  try {
    const n = cases - seeded.length;
    await db.query('BEGIN');
    await db.query(
      `CREATE TEMP TABLE bench_new ON COMMIT DROP AS
      SELECT g, gen_random_uuid() AS id, CASE WHEN g % 10 = 0 THEN $2::uuid ELSE $3::uuid END AS director_id,
             CASE WHEN g % 10 = 0 THEN $4::uuid ELSE $5::uuid END AS director_agency
      FROM generate_series(1, $1::int) g`,
      [n, director.id, otherDirector.id, fjc, otherFjc],
    );
    await db.query(
      `INSERT INTO cases (id, reference, protocol_id, stage, stage_entered_at, summary, incident_date, incident_types, police_reference,
        red_flags, informed, consent_given, repeat_referral, legal_hold, referrer_id, referring_agency_id, director_id, version, created_at, updated_at)
      SELECT b.id, 'BX-' || lpad(b.g::text, 7, '0'), t.protocol_id, 'DOSSIERVORMING', t.stage_entered_at, t.summary, t.incident_date, t.incident_types,
        t.police_reference, t.red_flags, t.informed, t.consent_given, false, false, t.referrer_id, t.referring_agency_id, b.director_id, 1,
        now() - make_interval(mins => b.g), now() - make_interval(mins => b.g)
      FROM bench_new b, (SELECT * FROM cases WHERE id = $1) t`,
      [seeded[0]],
    );
    await db.query(
      `INSERT INTO case_agencies (case_id, agency_id, role)
      SELECT b.id, $1, 'REFERRER' FROM bench_new b UNION ALL SELECT b.id, b.director_agency, 'DIRECTOR' FROM bench_new b`,
      [police],
    );
    await db.query(
      `INSERT INTO persons (case_id, role, first_name, last_name, birth_date, national_number, address, gender, blind_index, created_at)
      SELECT b.id, p.role, p.first_name, p.last_name, p.birth_date, p.national_number, p.address, p.gender, p.blind_index, p.created_at
      FROM bench_new b, (SELECT * FROM persons WHERE case_id = $1) p`,
      [seeded[0]],
    );
    const { rows } = await db.query(`SELECT id FROM bench_new WHERE g % 10 = 0 ORDER BY g LIMIT 64`);
    await db.query('COMMIT');
    await db.query('VACUUM ANALYZE cases');
    await db.query('VACUUM ANALYZE case_agencies');
    await db.query('VACUUM ANALYZE persons');
    const {
      rows: [{ count }],
    } = await db.query('SELECT count(*)::int AS count FROM cases');
    log(`multiplied to ${count} cases with SQL`);
    return { director, detailIds: rows.map((r) => r.id) };
  } finally {
    await db.end();
  }
}
