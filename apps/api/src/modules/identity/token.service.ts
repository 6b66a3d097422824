import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { RuntimeConfig } from '../../config/runtime-config';
import { RefreshToken } from './entities/refresh-token.entity';
import { LoginAuditService } from './login-audit.service';

/**
 * `sv` is the user's session version when the token was issued; `sid` the session (refresh-token
 * family) it belongs to. Both are absent in tokens from before they existed.
 */
export interface AccessTokenClaims {
  sub: string;
  typ: 'access';
  amr: string[];
  sv?: number;
  sid?: string;
}
export interface MfaTokenClaims {
  sub: string;
  typ: 'mfa';
  jti?: string;
}
export interface IssuedSession {
  accessToken: string;
  expiresIn: number;
  refreshCookie: string;
}

const MFA_TOKEN_TTL_SECONDS = 300;
const MFA_TOKEN_INVALID = { code: 'MFA_TOKEN_INVALID', message: 'The sign-in step expired; sign in again' };

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: RuntimeConfig,
    private readonly audit: LoginAuditService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  get accessTtl(): number {
    return this.config.env.ACCESS_TOKEN_TTL_SECONDS;
  }

  async signAccess(userId: string, amr: string[], sid?: string): Promise<string> {
    const sv = await this.sessionVersion(userId);
    return this.jwt.sign({ sub: userId, typ: 'access', amr, sv, sid } satisfies AccessTokenClaims, { expiresIn: this.accessTtl, audience: 'schakel-api' });
  }

  /** The short-lived proof that the password step passed, exchanged (once) at POST /auth/mfa. */
  signMfa(userId: string): string {
    return this.jwt.sign({ sub: userId, typ: 'mfa', jti: randomUUID() } satisfies MfaTokenClaims, {
      expiresIn: MFA_TOKEN_TTL_SECONDS,
      audience: 'schakel-mfa',
    });
  }

  verifyMfa(token: string): MfaTokenClaims & { jti: string } {
    try {
      const claims = this.jwt.verify<MfaTokenClaims>(token, { audience: 'schakel-mfa' });
      if (claims.typ !== 'mfa' || typeof claims.jti !== 'string') throw new Error('wrong type');
      return claims as MfaTokenClaims & { jti: string };
    } catch {
      throw new UnauthorizedException(MFA_TOKEN_INVALID);
    }
  }

  /** Marks an MFA token used: a second redemption (also a concurrent one) fails on the primary key. */
  async redeemMfa(claims: { sub: string; jti: string }, manager: EntityManager = this.ds.manager): Promise<void> {
    await manager.query(`DELETE FROM mfa_token_redemptions WHERE expires_at < now()`);
    const rows = (await manager.query(
      `INSERT INTO mfa_token_redemptions (jti, user_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3)) ON CONFLICT (jti) DO NOTHING RETURNING jti`,
      [claims.jti, claims.sub, MFA_TOKEN_TTL_SECONDS],
    )) as unknown[];
    if (!rows.length) throw new UnauthorizedException(MFA_TOKEN_INVALID);
  }

  async isMfaRedeemed(jti: string): Promise<boolean> {
    const rows = (await this.ds.query(`SELECT 1 FROM mfa_token_redemptions WHERE jti = $1`, [jti])) as unknown[];
    return rows.length > 0;
  }

  /** Starts a session: an access token and the first refresh token of a new family. */
  async startSession(userId: string, amr: string[]): Promise<IssuedSession> {
    const sid = randomUUID();
    const refreshCookie = await this.createRefreshToken(userId, sid, amr);
    return { accessToken: await this.signAccess(userId, amr, sid), expiresIn: this.accessTtl, refreshCookie };
  }

  /**
   * Ends one session's access tokens at once (logout): its id joins the user's ended sessions until
   * no access token of it can still be valid; entries past that are dropped in the same update.
   */
  async endSession(userId: string, sid: string): Promise<void> {
    await this.ds.query(
      `UPDATE users SET ended_sessions = (
         SELECT coalesce(jsonb_object_agg(key, value), '{}'::jsonb) FROM jsonb_each(ended_sessions) WHERE (value)::bigint > extract(epoch FROM now())
       ) || jsonb_build_object($2::text, (extract(epoch FROM now()) + $3)::bigint)
       WHERE id = $1`,
      [userId, sid, this.accessTtl + 60],
    );
  }

  /**
   * Ends every access token the user holds now (they carry the old session version). Refresh
   * tokens that are not revoked can still obtain new ones.
   */
  async endAccessTokens(userId: string, manager: EntityManager = this.ds.manager): Promise<void> {
    await manager.query(`UPDATE users SET session_version = session_version + 1 WHERE id = $1`, [userId]);
  }

  private async sessionVersion(userId: string): Promise<number> {
    const rows = (await this.ds.query(`SELECT session_version FROM users WHERE id = $1`, [userId])) as { session_version: number }[];
    return rows[0]?.session_version ?? 0;
  }

  /**
   * Rotates a refresh token. A token that was already rotated or revoked is a stolen copy being
   * replayed (or the legitimate one after theft): the whole family is revoked.
   */
  async rotate(cookie: string | undefined, ip: string | null): Promise<{ userId: string; refreshCookie: string; amr: string[]; sid: string }> {
    const parsed = parseCookie(cookie);
    if (!parsed) throw new UnauthorizedException('No valid session');
    const row = await this.ds.getRepository(RefreshToken).findOneBy({ id: parsed.id });
    if (!row || !safeEqual(row.tokenHash, sha256(parsed.secret))) throw new UnauthorizedException('No valid session');
    if (row.revokedAt || row.rotatedAt) {
      await this.revokeFamily(row.familyId);
      await this.audit.record('REFRESH_TOKEN_REUSED', row.userId, { ip }, { family: row.familyId });
      throw new UnauthorizedException({ code: 'SESSION_REVOKED', message: 'This session was ended for your safety; sign in again' });
    }
    if (row.expiresAt <= new Date()) throw new UnauthorizedException('Session expired');
    return this.ds.transaction(async (m) => {
      const res = await m.getRepository(RefreshToken).update({ id: row.id, rotatedAt: IsNull(), revokedAt: IsNull() }, { rotatedAt: new Date() });
      if (!res.affected) {
        // Lost a race with another rotation of the same token: treat as reuse.
        await m.getRepository(RefreshToken).update({ familyId: row.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
        throw new UnauthorizedException({ code: 'SESSION_REVOKED', message: 'This session was ended for your safety; sign in again' });
      }
      const refreshCookie = await this.createRefreshToken(row.userId, row.familyId, row.amr, m.getRepository(RefreshToken));
      return { userId: row.userId, refreshCookie, amr: row.amr, sid: row.familyId };
    });
  }

  /** Ends the session the cookie belongs to; returns its session id. */
  async revokeByCookie(cookie: string | undefined): Promise<string | null> {
    const parsed = parseCookie(cookie);
    if (!parsed) return null;
    const row = await this.ds.getRepository(RefreshToken).findOneBy({ id: parsed.id });
    if (!row || !safeEqual(row.tokenHash, sha256(parsed.secret))) return null;
    await this.revokeFamily(row.familyId);
    return row.familyId;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.ds.getRepository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Ends every session of the user: refresh tokens revoked, access tokens refused from now on. */
  async revokeAllForUser(userId: string, manager = this.ds.manager): Promise<void> {
    await this.revokeRefreshTokens(userId, manager);
    await this.endAccessTokens(userId, manager);
  }

  /** Revokes the user's refresh tokens; access tokens already issued run out within their TTL. */
  async revokeRefreshTokens(userId: string, manager = this.ds.manager): Promise<void> {
    await manager.getRepository(RefreshToken).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async createRefreshToken(userId: string, familyId: string, amr: string[], repo = this.ds.getRepository(RefreshToken)): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.env.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    const row = await repo.save(repo.create({ userId, familyId, tokenHash: sha256(secret), expiresAt, rotatedAt: null, revokedAt: null, amr }));
    return `${row.id}.${secret}`;
  }
}

function parseCookie(cookie: string | undefined): { id: string; secret: string } | null {
  if (!cookie) return null;
  const [id, secret] = cookie.split('.');
  if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) return null;
  return { id, secret };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
