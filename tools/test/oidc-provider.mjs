// A real OpenID Connect provider (the `oidc-provider` package) for the SSO integration test, run as a
// child process so its ESM dependency tree stays out of Jest. It signs in whoever POST /__account names,
// without a login form, and prints {"issuer": ...} on stdout when it listens.
import http from 'node:http';
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
let account = null;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'schakel',
      client_secret: 'schakel-test-secret',
      redirect_uris: [process.env.OIDC_REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  pkce: { required: () => true },
  findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, email: id, email_verified: true }) }),
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  scopes: ['openid', 'email', 'profile'],
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  features: { devInteractions: { enabled: false } },
  cookies: { keys: ['schakel-test-cookie-key'] },
  loadExistingGrant: async (ctx) => {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});
const callback = provider.callback();

http
  .createServer(async (req, res) => {
    try {
      if (req.method === 'POST' && req.url.startsWith('/__account')) {
        account = new URL(req.url, issuer).searchParams.get('email');
        res.writeHead(204).end();
        return;
      }
      if (req.url.startsWith('/interaction/')) {
        await provider.interactionFinished(req, res, { login: { accountId: account } }, { mergeWithLastSubmission: false });
        return;
      }
      callback(req, res);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  })
  .listen(port, '127.0.0.1', () => process.stdout.write(JSON.stringify({ issuer }) + '\n'));
