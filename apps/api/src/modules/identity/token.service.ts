import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { IsNull, type DataSource } from 'typeorm';
import { RuntimeConfig } from '../../config/runtime-config';
import { RefreshToken } from './entities/refresh-token.entity';
import { LoginAuditService } from './login-audit.service';

export interface AccessTokenClaims { sub: string; typ: 'access'; amr: string[] }
export interface MfaTokenClaims { sub: string; typ: 'mfa' }
export interface IssuedSession { accessToken: string; expiresIn: number; refreshCookie: string }

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

  signAccess(userId: string, amr: string[]): string {
    return this.jwt.sign({ sub: userId, typ: 'access', amr } satisfies AccessTokenClaims, { expiresIn: this.accessTtl, audience: 'schakel-api' });
  }

  /** The short-lived proof that the password step passed, exchanged at POST /auth/mfa. */
  signMfa(userId: string): string {
    return this.jwt.sign({ sub: userId, typ: 'mfa' } satisfies MfaTokenClaims, { expiresIn: 300, audience: 'schakel-mfa' });
  }

  verifyMfa(token: string): MfaTokenClaims {
    try {
      const claims = this.jwt.verify<MfaTokenClaims>(token, { audience: 'schakel-mfa' });
      if (claims.typ !== 'mfa') throw new Error('wrong type');
      return claims;
    } catch {
      throw new UnauthorizedException({ code: 'MFA_TOKEN_INVALID', message: 'The sign-in step expired; sign in again' });
    }
  }

  /** Starts a session: an access token and the first refresh token of a new family. */
  async startSession(userId: string, amr: string[]): Promise<IssuedSession> {
    const refreshCookie = await this.createRefreshToken(userId, randomUUID());
    return { accessToken: this.signAccess(userId, amr), expiresIn: this.accessTtl, refreshCookie };
  }

  /**
   * Rotates a refresh token. A token that was already rotated or revoked is a stolen copy being
   * replayed (or the legitimate one after theft): the whole family is revoked.
   */
  async rotate(cookie: string | undefined, ip: string | null): Promise<{ userId: string; refreshCookie: string }> {
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
      const refreshCookie = await this.createRefreshToken(row.userId, row.familyId, m.getRepository(RefreshToken));
      return { userId: row.userId, refreshCookie };
    });
  }

  /** Ends the session the cookie belongs to. */
  async revokeByCookie(cookie: string | undefined): Promise<string | null> {
    const parsed = parseCookie(cookie);
    if (!parsed) return null;
    const row = await this.ds.getRepository(RefreshToken).findOneBy({ id: parsed.id });
    if (!row || !safeEqual(row.tokenHash, sha256(parsed.secret))) return null;
    await this.revokeFamily(row.familyId);
    return row.userId;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.ds.getRepository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAllForUser(userId: string, manager = this.ds.manager): Promise<void> {
    await manager.getRepository(RefreshToken).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async createRefreshToken(userId: string, familyId: string, repo = this.ds.getRepository(RefreshToken)): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.env.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    const row = await repo.save(repo.create({ userId, familyId, tokenHash: sha256(secret), expiresAt, rotatedAt: null, revokedAt: null }));
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
