import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RuntimeConfig } from '../../config/runtime-config';
import { User } from './entities/user.entity';
import { LoginAuditService } from './login-audit.service';
import { MfaService } from './mfa.service';
import { verifyAgainstDummy, verifyPassword } from './passwords';
import { TokenService, type IssuedSession } from './token.service';

/** One answer for every failed sign-in: it never tells an unknown email from a wrong password or a locked account. */
export const INVALID_CREDENTIALS = { code: 'INVALID_CREDENTIALS', message: 'Invalid email or password' };

/** RFC 8176 methods of a two-factor session: password, one-time code, and "mfa" for the combination. */
export const MFA_AMR = ['pwd', 'otp', 'mfa'];

export type LoginOutcome = { kind: 'session'; session: IssuedSession } | { kind: 'mfa'; mfaToken: string };

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: RuntimeConfig,
    private readonly audit: LoginAuditService,
    private readonly tokens: TokenService,
    private readonly mfa: MfaService,
  ) {}

  /** Password step (used by the passport local strategy). */
  async verifyCredentials(email: string, password: string, ip: string | null): Promise<User> {
    const user = await this.ds.getRepository(User).findOneBy({ email: email.trim().toLowerCase() });
    if (!user || !user.passwordHash) {
      await verifyAgainstDummy(password);
      await this.audit.record('LOGIN_FAILED', user?.id ?? null, { ip }, { reason: user ? 'NO_PASSWORD' : 'UNKNOWN_ACCOUNT' });
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    // A progressive delay after repeated failures. It never shuts out the owner: an account with a
    // second factor still gets the MFA challenge for the right password, and two factors sign in.
    const delayed = Boolean(user.lockedUntil && user.lockedUntil > new Date());
    if (delayed && !user.mfaEnabled) {
      await verifyAgainstDummy(password);
      await this.audit.record('LOGIN_FAILED', user.id, { ip }, { reason: 'LOCKED' });
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    const ok = await verifyPassword(user.passwordHash, password);
    if (!ok || !user.active) {
      if (!ok) await this.registerFailure(user, ip, 'WRONG_PASSWORD');
      else await this.audit.record('LOGIN_FAILED', user.id, { ip }, { reason: 'DEACTIVATED' });
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    return user;
  }

  /** After the password: either a session, or the MFA challenge when TOTP is enrolled. */
  async completePasswordStep(user: User, ip: string | null): Promise<LoginOutcome> {
    if (user.mfaEnabled) return { kind: 'mfa', mfaToken: this.tokens.signMfa(user.id) };
    await this.resetFailures(user.id);
    await this.audit.record('LOGIN_SUCCEEDED', user.id, { ip }, { amr: ['pwd'] });
    return { kind: 'session', session: await this.tokens.startSession(user.id, ['pwd']) };
  }

  async completeMfaStep(mfaToken: string, code: string, ip: string | null): Promise<IssuedSession> {
    const claims = this.tokens.verifyMfa(mfaToken);
    const { sub } = claims;
    if (await this.tokens.isMfaRedeemed(claims.jti))
      throw new UnauthorizedException({ code: 'MFA_TOKEN_INVALID', message: 'The sign-in step expired; sign in again' });
    const user = await this.ds.getRepository(User).findOneBy({ id: sub });
    if (!user || !user.active || !user.mfaEnabled) {
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    if (!(await this.mfa.verifyAndConsume(user, code))) {
      await this.registerFailure(user, ip, 'WRONG_MFA_CODE', 'MFA_CHALLENGE_FAILED');
      throw new UnauthorizedException({ code: 'MFA_CODE_INVALID', message: 'The code is not valid' });
    }
    // Single use: the token is spent before the session exists (a concurrent redemption loses here).
    await this.tokens.redeemMfa(claims);
    await this.resetFailures(user.id);
    await this.audit.record('LOGIN_SUCCEEDED', user.id, { ip }, { amr: MFA_AMR });
    return this.tokens.startSession(user.id, MFA_AMR);
  }

  /**
   * Counts a failure atomically. From LOGIN_MAX_FAILURES on, each failure sets a delay that doubles
   * (LOGIN_DELAY_SECONDS, 2×, 4×… up to LOGIN_LOCK_MINUTES) before the password step answers again.
   */
  private async registerFailure(user: User, ip: string | null, reason: string, event: 'LOGIN_FAILED' | 'MFA_CHALLENGE_FAILED' = 'LOGIN_FAILED'): Promise<void> {
    const { LOGIN_MAX_FAILURES: max, LOGIN_LOCK_MINUTES: capMinutes, LOGIN_DELAY_SECONDS: base } = this.config.env;
    await this.ds.transaction(async (m) => {
      const [counted] = await m
        .createQueryBuilder()
        .update(User)
        .set({ failedLogins: () => 'failed_logins + 1' })
        .where('id = :id', { id: user.id })
        .returning(['failedLogins'])
        .execute()
        .then((r) => r.raw as { failed_logins: number }[]);
      await this.audit.record(event, user.id, { ip }, { reason }, m);
      const failures = counted?.failed_logins ?? 0;
      if (failures >= max) {
        const seconds = progressiveDelaySeconds(failures - max, base, capMinutes * 60);
        await m.query(`UPDATE users SET locked_until = now() + make_interval(secs => $2) WHERE id = $1`, [user.id, seconds]);
        await this.audit.record('ACCOUNT_LOCKED', user.id, { ip }, { seconds }, m);
      }
    });
  }

  private async resetFailures(userId: string): Promise<void> {
    await this.ds.query(`UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1 AND (failed_logins <> 0 OR locked_until IS NOT NULL)`, [userId]);
  }
}

/** The delay after the n-th failure beyond the free ones (n = 0 for the first): base · 2ⁿ, capped. */
export function progressiveDelaySeconds(n: number, baseSeconds: number, capSeconds: number): number {
  return Math.min(capSeconds, baseSeconds * 2 ** Math.min(n, 20));
}
