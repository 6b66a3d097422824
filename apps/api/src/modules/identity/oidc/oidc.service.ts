import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RuntimeConfig } from '../../../config/runtime-config';
import { User } from '../entities/user.entity';
import { LoginAuditService } from '../login-audit.service';
import { TokenService, type IssuedSession } from '../token.service';

type OpenIdClient = typeof import('openid-client');
type Configuration = import('openid-client').Configuration;

interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
}

/**
 * Single sign-on through OpenID Connect (authorization code + PKCE), for agencies and the federal
 * authentication service. The IdP's claim (OIDC_USER_CLAIM, default email) must match an existing,
 * active account: SSO never creates accounts.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('Oidc');
  private configuration: Promise<Configuration> | null = null;

  constructor(
    private readonly config: RuntimeConfig,
    private readonly jwt: JwtService,
    private readonly tokens: TokenService,
    private readonly audit: LoginAuditService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.env.OIDC_ISSUER);
  }

  /** The authorization URL and the sealed state to keep in a short-lived cookie until the callback. */
  async start(): Promise<{ url: string; sealed: string }> {
    const client = await this.client();
    const cfg = await this.discover();
    const pending: PendingLogin = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(cfg, {
      redirect_uri: this.config.env.OIDC_REDIRECT_URI!,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    const sealed = this.jwt.sign({ ...pending, typ: 'oidc' }, { expiresIn: 600, audience: 'schakel-oidc' });
    return { url: url.href, sealed };
  }

  /** Exchanges the code, maps the claim to an account and starts a session; null when sign-in is refused. */
  async finish(query: Record<string, string>, sealed: string | undefined, ip: string | null): Promise<IssuedSession | null> {
    try {
      if (!sealed) throw new Error('no pending sign-in');
      const pending = this.jwt.verify<PendingLogin & { typ: string }>(sealed, { audience: 'schakel-oidc' });
      const client = await this.client();
      const callback = new URL(this.config.env.OIDC_REDIRECT_URI!);
      for (const [k, v] of Object.entries(query)) callback.searchParams.set(k, v);
      const tokens = await client.authorizationCodeGrant(await this.discover(), callback, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
      });
      const idClaims = tokens.claims();
      let claim = idClaims?.[this.config.env.OIDC_USER_CLAIM];
      if (claim === undefined && idClaims?.sub) {
        // Many providers put profile claims only in the userinfo response.
        const info = await client.fetchUserInfo(await this.discover(), tokens.access_token, idClaims.sub);
        claim = info[this.config.env.OIDC_USER_CLAIM];
      }
      const user = typeof claim === 'string' ? await this.ds.getRepository(User).findOneBy({ email: claim.trim().toLowerCase() }) : null;
      if (!user || !user.active) {
        await this.audit.record('OIDC_LOGIN_FAILED', user?.id ?? null, { ip }, { reason: user ? 'DEACTIVATED' : 'NO_MATCHING_ACCOUNT' });
        return null;
      }
      await this.audit.record('OIDC_LOGIN_SUCCEEDED', user.id, { ip }, { issuer: this.config.env.OIDC_ISSUER });
      return this.tokens.startSession(user.id, ['oidc']);
    } catch (e) {
      // The error class only: provider messages can quote claims (an e-mail address).
      this.logger.warn(`OIDC sign-in refused: ${(e as Error).name} ${(e as { code?: string }).code ?? ''}`.trim());
      await this.audit.record('OIDC_LOGIN_FAILED', null, { ip }, { reason: 'PROTOCOL_ERROR' });
      return null;
    }
  }

  private client(): Promise<OpenIdClient> {
    // openid-client is ESM-only: loaded on first use.
    return import('openid-client');
  }

  private discover(): Promise<Configuration> {
    this.configuration ??= this.client()
      .then(async (client) => {
        const issuer = new URL(this.config.env.OIDC_ISSUER!);
        // Plain http only for an issuer on this machine (tests, local IdPs); never across a network.
        const local = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
        return client.discovery(
          issuer,
          this.config.env.OIDC_CLIENT_ID!,
          this.config.env.OIDC_CLIENT_SECRET,
          undefined,
          local ? { execute: [client.allowInsecureRequests] } : undefined,
        );
      })
      .catch((e: unknown) => {
        this.configuration = null;
        throw e;
      });
    return this.configuration;
  }
}
