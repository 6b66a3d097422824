import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RESPONSE_CONTRACTS } from '@schakel/contracts';
import { auth, signIn } from './support/sessions';
import { startTestApp, TEST_ADMIN, type TestApp } from './support/test-app';

const run = promisify(execFile);

describe('delivery: compression, caching, no public source maps, a lint-clean OpenAPI document', () => {
  let t: TestApp;
  let doc: {
    paths: Record<string, Record<string, { summary?: string; security?: unknown[] }>>;
    servers?: unknown[];
    components: { schemas: Record<string, { properties?: Record<string, Record<string, unknown>> }> };
  };

  beforeAll(async () => {
    const web = mkdtempSync(join(tmpdir(), 'schakel-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Schakel</title><div id="root"></div>');
    writeFileSync(join(web, 'assets', 'index-Bx12abCd.js'), `console.log(${JSON.stringify('schakel '.repeat(2000))});`);
    writeFileSync(join(web, 'assets', 'index-Bx12abCd.js.map'), '{"version":3,"sources":["secret.tsx"]}');
    t = await startTestApp({ WEB_DIST_DIR: web, AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    doc = (await t.http().get('/api/docs-json').expect(200)).body;
  });
  afterAll(async () => {
    await t.close();
  });

  it('compresses with brotli or gzip, as the client accepts', async () => {
    const br = await t.http().get('/assets/index-Bx12abCd.js').set('Accept-Encoding', 'br').expect(200);
    expect(br.headers['content-encoding']).toBe('br');
    const gzip = await t.http().get('/api/docs-json').set('Accept-Encoding', 'gzip').expect(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await t.http().get('/assets/index-Bx12abCd.js').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('caches hashed assets for a year, immutable, and the page itself never', async () => {
    const asset = await t.http().get('/assets/index-Bx12abCd.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await t.http().get('/cases/123').expect(200);
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('publishes no source map', async () => {
    await t.http().get('/assets/index-Bx12abCd.js.map').expect(404);
  });

  it('sets a readable session hint with the refresh cookie, and clears both at sign-out', async () => {
    const s = await signIn(t, TEST_ADMIN.email, TEST_ADMIN.password);
    const login = await t.http().post('/api/v1/auth/login').send({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }).expect(200);
    expect(login.body.mfaRequired).toBe(true);
    const refresh = await t.http().post('/api/v1/auth/refresh').set('Cookie', s.cookie!).expect(200);
    const cookies = (refresh.headers['set-cookie'] as unknown as string[]).join('\n');
    expect(cookies).toMatch(/schakel_session=1;[^\n]*Path=\//);
    expect(cookies).not.toMatch(/schakel_session=1;[^\n]*HttpOnly/);
    const out = await t
      .http()
      .post('/api/v1/auth/logout')
      .set(auth(refresh.body.accessToken))
      .set('Cookie', (refresh.headers['set-cookie'] as unknown as string[])[0]!)
      .send({});
    expect((out.headers['set-cookie'] as unknown as string[]).join('\n')).toMatch(/schakel_session=;/);
  });

  it('types the DTO properties as the DTOs do: no array of arrays, no untyped object', () => {
    const problems: string[] = [];
    // The response contracts are checked against libs/contracts in contracts.e2e-spec.ts.
    for (const [name, schema] of Object.entries(doc.components.schemas).filter(([n]) => !(n in RESPONSE_CONTRACTS))) {
      for (const [prop, p] of Object.entries(schema.properties ?? {})) {
        if (p['type'] === 'array' && (p['items'] as { type?: string } | undefined)?.type === 'array') problems.push(`${name}.${prop}: array of arrays`);
        if (p['type'] === 'object' && !p['properties'] && !p['additionalProperties']) problems.push(`${name}.${prop}: untyped object`);
      }
    }
    expect(problems).toEqual([]);
    const protocol = doc.components.schemas['CreateProtocolDto']!.properties!;
    expect(protocol['agencyIds']).toMatchObject({ type: 'array', items: { type: 'string', format: 'uuid' } });
    expect(protocol['validUntil']).toMatchObject({ type: 'string', format: 'date' });
  });

  it('gives every operation a summary and a security statement, and names a server', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect({ op: `${method} ${path}`, summary: typeof op.summary }).toEqual({ op: `${method} ${path}`, summary: 'string' });
        expect(Array.isArray(op.security)).toBe(true);
      }
    }
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('passes `redocly lint` with the recommended rules, offline, without errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schakel-openapi-'));
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc));
    writeFileSync(join(dir, 'redocly.yaml'), 'extends:\n  - recommended\n');
    const cli = require.resolve('@redocly/cli/bin/cli.js');
    const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
    const result = await run(process.execPath, [cli, 'lint', 'openapi.json', '--config', 'redocly.yaml', '--format=json'], {
      cwd: dir,
      env,
      maxBuffer: 20_000_000,
    }).catch((e: { stdout?: string; code?: number }) => ({ stdout: e.stdout ?? '', stderr: String(e.code) }));
    const report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as {
      totals: { errors: number };
      problems: { ruleId: string; severity: string; location: { pointer?: string }[] }[];
    };
    const errors = report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ''}`);
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
  }, 60_000);
});
