import fc from 'fast-check';
import { withClient } from '../../../tools/test/test-database';
import { auth, type Session } from './support/sessions';
import { propertyBudget } from './support/property-budget';
import { startTestApp, type TestApp } from './support/test-app';
import { buildWorld, referralBody, type World } from './support/world';

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
};
interface Operation {
  method: string;
  path: string;
  params: { name: string; in: string; schema?: Schema }[];
  body?: Schema;
}

// Routes that end the sessions the suite uses, or that run for seconds by design.
const SKIPPED = new Set([
  'POST /api/v1/auth/logout',
  'POST /api/v1/me/mfa/enroll',
  'POST /api/v1/me/mfa/confirm',
  'GET /api/v1/auth/oidc/login',
  'GET /api/v1/auth/oidc/callback',
]);
// Tables a refused request may legitimately write to: the audit trails of refusals and sign-in attempts.
const AUDIT_TABLES = new Set(['access_log', 'login_audit', 'mfa_token_redemptions', 'refresh_tokens', 'migrations', 'job_runs']);

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    'a\u0000b',
    '\u0007',
    '2026-02-30',
    '99999999999999999999999',
    '-1',
    '1e309',
    'NaN',
    '__proto__',
    '../../etc/passwd',
    "' OR 1=1 --",
    '%00',
    '\uD800',
    'x'.repeat(5000),
  ),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, false, 1e308, -0, Number.MAX_SAFE_INTEGER + 2),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Values shaped by the OpenAPI schema, with a chance of hostile ones at every level. */
function fromSchema(schema: Schema | undefined, doc: { components?: { schemas?: Record<string, Schema> } }, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return hostileValue;
  if (schema.$ref) return fromSchema(doc.components?.schemas?.[schema.$ref.split('/').pop()!], doc, ids, depth + 1);
  const alternatives = schema.allOf ?? schema.oneOf ?? schema.anyOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => fromSchema(s, doc, ids, depth + 1)));
  let valid: fc.Arbitrary<unknown>;
  if (schema.enum) valid = fc.constantFrom(...schema.enum);
  else if (schema.type === 'string' && schema.format === 'uuid') valid = fc.oneof(fc.constantFrom(...ids), fc.uuid());
  else if (schema.type === 'string' && schema.format === 'date')
    valid = fc.date({ min: new Date('2000-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  else if (schema.type === 'string' && schema.format === 'date-time')
    valid = fc.date({ min: new Date('2000-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  else if (schema.type === 'string') valid = fc.string({ minLength: 0, maxLength: 80 });
  else if (schema.type === 'integer') valid = fc.integer({ min: schema.minimum ?? -10, max: schema.maximum ?? 1000 });
  else if (schema.type === 'number') valid = fc.double({ noNaN: true, min: -1000, max: 1000 });
  else if (schema.type === 'boolean') valid = fc.boolean();
  else if (schema.type === 'array') valid = fc.array(fromSchema(schema.items, doc, ids, depth + 1), { maxLength: 4 });
  else if (schema.properties) {
    const entries = Object.entries(schema.properties);
    const required = new Set(schema.required ?? []);
    valid = fc.record(Object.fromEntries(entries.map(([k, s]) => [k, fromSchema(s, doc, ids, depth + 1)])), {
      requiredKeys: entries.map(([k]) => k).filter((k) => required.has(k)),
    });
  } else valid = hostileValue;
  return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: hostileValue, weight: 1 });
}

function operations(doc: {
  paths: Record<string, Record<string, { parameters?: Operation['params']; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
}): Operation[] {
  return Object.entries(doc.paths)
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path: path.replace(/\{(\w+)\}/g, ':$1'),
        params: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
      })),
    )
    .filter((o) => !SKIPPED.has(`${o.method} ${o.path}`));
}

/** Percent-encoding that also survives lone surrogates (sent as the replacement character). */
function encode(s: string): string {
  return encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
}

/** Row counts of every table but the audit trails: a refused request must leave them all unchanged. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  return withClient(url, async (c) => {
    const tables = (await c.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).rows
      .map((r) => r.tablename as string)
      .filter((t) => !AUDIT_TABLES.has(t));
    const sql = tables.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t}"`).join(' UNION ALL ');
    return Object.fromEntries((await c.query(sql)).rows.map((r) => [r.t, r.n]));
  });
}

/**
 * Issue 11, property suite 1: every route of the OpenAPI document, fed generated valid and invalid
 * path parameters, queries and bodies by several roles, never answers 5xx and never writes half a
 * record (a refused request changes no table outside the audit trails).
 */
describe('property: every documented route under generated input', () => {
  let t: TestApp;
  let w: World;
  let ids: string[];
  const budget = propertyBudget();

  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    w = await buildWorld(t);
    const r = await t.http().post('/api/v1/referrals').set(auth(w.referrer.token)).send(referralBody(w.protocolId)).expect(201);
    await t
      .http()
      .post(`/api/v1/cases/${r.body.caseId}/transitions`)
      .set(auth(w.director.token))
      .send({ to: 'DOSSIERVORMING', reason: 'accepted' })
      .expect(200);
    await t.http().post(`/api/v1/cases/${r.body.caseId}/agencies`).set(auth(w.director.token)).send({ agencyId: w.agencies.caw }).expect(201);
    const c = await t
      .http()
      .post(`/api/v1/cases/${r.body.caseId}/contributions`)
      .set(auth(w.cawMember.token))
      .send({ category: 'WELFARE_SUPPORT', content: 'Shelter requested.' })
      .expect(201);
    ids = [r.body.caseId, c.body.id, w.protocolId, ...Object.values(w.agencies), w.cawMember.id, '00000000-0000-4000-8000-000000000000'];
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('never answers 5xx and never half-writes', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body;
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(50);
    const callers: Session[] = [w.admin, w.director, w.cawMember, w.referrer, w.dpo, w.liaison];
    const request = fc.integer({ min: 0, max: ops.length - 1 }).chain((i) => {
      const op = ops[i]!;
      const pathParams = op.params.filter((p) => p.in === 'path');
      const queryParams = op.params.filter((p) => p.in === 'query');
      return fc.record({
        op: fc.constant(op),
        caller: fc.integer({ min: 0, max: callers.length - 1 }),
        path: fc.record(
          Object.fromEntries(
            pathParams.map((p) => [
              p.name,
              fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 3 }, { arbitrary: hostileString.filter((s) => s.length > 0), weight: 1 }),
            ]),
          ),
        ),
        query: fc.record(Object.fromEntries(queryParams.map((p) => [p.name, fromSchema(p.schema, doc, ids)])), { requiredKeys: [] }),
        body: op.body ? fromSchema(op.body, doc, ids) : fc.oneof(fc.constant({}), hostileValue),
      });
    });

    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(request, async ({ op, caller, path, query, body }) => {
        const url = op.path.replace(/:(\w+)/g, (_m, name: string) => encode(String((path as Record<string, unknown>)[name])));
        const qs = Object.entries(query as Record<string, unknown>)
          .map(([k, v]) => `${encode(k)}=${encode(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`)
          .join('&');
        const before = op.method === 'GET' ? null : await rowCounts(t.db.url);
        const req = t
          .http()
          [op.method.toLowerCase() as 'get'](`${url}${qs ? `?${qs}` : ''}`)
          .set(auth(callers[caller]!.token));
        const res = op.method === 'GET' ? await req : await req.set('Content-Type', 'application/json').send(JSON.stringify(body ?? {}));
        if (res.status >= 500) failures.push(`${op.method} ${op.path} → ${res.status}`);
        if (typeof res.body?.code !== 'string' && res.status >= 400) failures.push(`${op.method} ${op.path} → ${res.status} without a code`);
        if (before && res.status >= 400) {
          const after = await rowCounts(t.db.url);
          const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
          if (changed.length) failures.push(`${op.method} ${op.path} → ${res.status} but changed ${changed.join(', ')}`);
        }
        return failures.length === 0;
      }),
      { seed: budget.seed, numRuns: budget.runs, endOnFailure: true },
    );
    expect(failures).toEqual([]);
  }, 600_000);
});
