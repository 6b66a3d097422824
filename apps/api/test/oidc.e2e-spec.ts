import { spawn, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { freePort } from '@schakel/platform';
import { adminSession, auth, createAgency, createUser } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

/** Starts the real OIDC provider (tools/test/oidc-provider.mjs) and resolves with its issuer URL. */
function startProvider(port: number, redirectUri: string): Promise<{ child: ChildProcess; issuer: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, '../../../tools/test/oidc-provider.mjs')], {
      env: { ...process.env, OIDC_PORT: String(port), OIDC_REDIRECT_URI: redirectUri, NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.once('error', reject);
    child.stdout!.once('data', (d: Buffer) => resolve({ child, issuer: JSON.parse(d.toString()).issuer }));
  });
}

/** A minimal cookie-keeping client that follows redirects across the IdP and the API by hand. */
async function follow(start: string, jar: Map<string, string>, stopAt: (url: URL) => boolean): Promise<URL> {
  let url = new URL(start);
  for (let hop = 0; hop < 15; hop++) {
    if (stopAt(url)) return url;
    const cookie = [...jar]
      .filter(([k]) => k.startsWith(url.host + '|'))
      .map(([k, v]) => `${k.split('|')[1]}=${v}`)
      .join('; ');
    const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...value] = pair!.split('=');
      jar.set(`${url.host}|${name}`, value.join('='));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`no redirect from ${url.href}: ${res.status} ${await res.text()}`);
    url = new URL(location, url);
  }
  throw new Error('too many redirects');
}

describe('single sign-on through OpenID Connect against a real provider', () => {
  let t: TestApp;
  let provider: ChildProcess;
  let apiBase: string;
  let email: string;

  beforeAll(async () => {
    const [idpPort, apiPort] = [await freePort(), await freePort()];
    const redirectUri = `http://127.0.0.1:${apiPort}/api/v1/auth/oidc/callback`;
    const started = await startProvider(idpPort, redirectUri);
    provider = started.child;
    t = await startTestApp({
      OIDC_ISSUER: started.issuer,
      OIDC_CLIENT_ID: 'schakel',
      OIDC_CLIENT_SECRET: 'schakel-test-secret',
      OIDC_REDIRECT_URI: redirectUri,
      MFA_REQUIRED_ROLES: 'admin',
    });
    await t.app.listen(apiPort, '127.0.0.1');
    apiBase = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const admin = await adminSession(t);
    const agency = await createAgency(t, admin);
    email = (await createUser(t, admin, agency.id, ['agency_member'])).email;
  });
  afterAll(async () => {
    provider?.kill();
    await t?.close();
  });

  it('says single sign-on is enabled', async () => {
    await t.http().get('/api/v1/auth/oidc').expect(200, { enabled: true });
  });

  it('signs an existing user in with authorization code + PKCE and starts a session', async () => {
    const issuer = (await (await fetch(`${apiBase}/api/v1/auth/oidc`)).json()) as { enabled: boolean };
    expect(issuer.enabled).toBe(true);
    const jar = new Map<string, string>();
    const login = await fetch(`${apiBase}/api/v1/auth/oidc/login`, { redirect: 'manual' });
    expect(login.status).toBe(302);
    const authUrl = new URL(login.headers.get('location')!);
    expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
    for (const c of login.headers.getSetCookie()) {
      const [p] = c.split(';');
      const [n, ...v] = p!.split('=');
      jar.set(`${new URL(apiBase).host}|${n}`, v.join('='));
    }
    await fetch(new URL(`/__account?email=${encodeURIComponent(email)}`, authUrl), { method: 'POST' });

    const landed = await follow(authUrl.href, jar, (u) => u.origin === apiBase && !u.pathname.startsWith('/api/'));
    expect(landed.pathname).toBe('/');
    const refresh = jar.get(`${new URL(apiBase).host}|schakel_refresh`);
    expect(refresh).toEqual(expect.any(String));

    const session = await t.http().post('/api/v1/auth/refresh').set('Cookie', `schakel_refresh=${refresh}`).send({}).expect(200);
    const me = await t.http().get('/api/v1/me').set(auth(session.body.accessToken)).expect(200);
    expect(me.body.email).toBe(email);
  });

  it('refuses an identity that matches no account', async () => {
    const jar = new Map<string, string>();
    const login = await fetch(`${apiBase}/api/v1/auth/oidc/login`, { redirect: 'manual' });
    for (const c of login.headers.getSetCookie()) {
      const [p] = c.split(';');
      const [n, ...v] = p!.split('=');
      jar.set(`${new URL(apiBase).host}|${n}`, v.join('='));
    }
    const authUrl = new URL(login.headers.get('location')!);
    await fetch(new URL('/__account?email=stranger%40nowhere.be', authUrl), { method: 'POST' });
    const landed = await follow(authUrl.href, jar, (u) => u.origin === apiBase && !u.pathname.startsWith('/api/'));
    expect(landed.pathname + landed.search).toBe('/login?error=oidc');
    expect(jar.has(`${new URL(apiBase).host}|schakel_refresh`)).toBe(false);
  });
});
