import { RequestMethod } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA, VERSION_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { ROLES, type Role } from '@schakel/domain';
import { AUTHORIZATION_MATRIX } from './authorization-matrix';
import { adminSession, createAgency, userSession, type Session } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const ZERO_UUID = '00000000-0000-4000-8000-000000000000';

/** Every route Nest registered, as "METHOD /api/v1/path", found through Nest's discovery (not a hand-kept list). */
function discoverRoutes(t: TestApp): string[] {
  const discovery = t.app.get(DiscoveryService);
  const scanner = t.app.get(MetadataScanner);
  const routes: string[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const base = Reflect.getMetadata(PATH_METADATA, metatype) as string;
    const version = Reflect.getMetadata(VERSION_METADATA, metatype) as unknown;
    const prefix = typeof version === 'symbol' ? '/api' : '/api/v1';
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = instance[name];
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      const full = [prefix, base, path]
        .filter((p) => p && p !== '/')
        .join('/')
        .replace(/\/+/g, '/');
      routes.push(`${RequestMethod[method]} ${full}`);
    }
  }
  return routes.sort();
}

describe('authorization matrix: every route × every role', () => {
  let t: TestApp;
  const sessions = new Map<Role, Session>();
  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    const admin = await adminSession(t);
    const agency = await createAgency(t, admin);
    sessions.set('admin', admin);
    for (const role of ROLES.filter((r) => r !== 'admin')) sessions.set(role, await userSession(t, admin, agency.id, [role]));
  });
  afterAll(async () => {
    await t.close();
  });

  it('has exactly one matrix entry per registered route', () => {
    expect(discoverRoutes(t)).toEqual(Object.keys(AUTHORIZATION_MATRIX).sort());
  });

  it('documents every route in the OpenAPI document (metrics excepted)', async () => {
    const doc = await t.http().get('/api/docs-json').expect(200);
    const documented = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const missing = discoverRoutes(t).filter((r) => r !== 'GET /api/metrics' && !documented.includes(r));
    expect(missing).toEqual([]);
  });

  // Every route × every role over HTTP: slow on a shared, busy machine (not a performance check).
  it('answers each role as the matrix says', async () => {
    const failures: string[] = [];
    // Logout ends the session whose token it is given: it goes last, after every other route has used the tokens.
    const LOGOUT = 'POST /api/v1/auth/logout';
    const routes = discoverRoutes(t)
      .filter((r) => r !== LOGOUT)
      .concat(LOGOUT);
    for (const route of routes) {
      const [method, pattern] = route.split(' ') as [string, string];
      const path = pattern.replace(/:[a-zA-Z]+/g, ZERO_UUID).replace(/\/\*\w+$/, '/x');
      const access = AUTHORIZATION_MATRIX[route]!;
      const call = (token?: string) => {
        const req = t.http()[method.toLowerCase() as 'get'](path);
        if (token) req.set('Authorization', `Bearer ${token}`);
        return method === 'GET' ? req : req.send({});
      };
      const anon = await call();
      // A public route may still answer 401 for missing credentials of its own (e.g. no refresh cookie), never 403.
      if (access === 'public' ? anon.status === 403 : anon.status !== 401) failures.push(`${route} anonymous → ${anon.status}`);
      if (access === 'public') continue;
      for (const role of ROLES) {
        const res = await call(sessions.get(role)!.token);
        const allowed = access === 'any' || access.includes(role);
        if (allowed ? [401, 403].includes(res.status) : res.status !== 403)
          failures.push(`${route} as ${role} → ${res.status} (${allowed ? 'allowed' : 'forbidden'} expected)`);
      }
    }
    expect(failures).toEqual([]);
    // ~700 requests; on a loaded CI machine they need more than the default minute.
  }, 240_000);
});
