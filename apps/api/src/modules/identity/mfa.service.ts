import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Secret, TOTP } from 'otpauth';
import type { DataSource } from 'typeorm';
import { CryptoService } from '../crypto/crypto.service';
import { User } from './entities/user.entity';
import { LoginAuditService } from './login-audit.service';

const PERIOD = 30;
const SECRET_CONTEXT = 'users.mfa_secret';

@Injectable()
export class MfaService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly crypto: CryptoService,
    private readonly audit: LoginAuditService,
  ) {}

  /** Creates (or replaces) a pending TOTP secret; it counts only after /me/mfa/confirm. */
  async enroll(userId: string): Promise<{ otpauthUri: string; secret: string }> {
    const user = await this.ds.getRepository(User).findOneByOrFail({ id: userId });
    if (user.mfaEnabled)
      throw new ConflictException({ code: 'MFA_ALREADY_ENABLED', message: 'A second factor is already enrolled; ask an administrator to reset it' });
    const secret = new Secret({ size: 20 });
    await this.ds.getRepository(User).update({ id: userId }, { mfaSecret: this.crypto.encrypt(secret.base32, SECRET_CONTEXT), mfaLastStep: null });
    return { otpauthUri: this.totp(user.email, secret).toString(), secret: secret.base32 };
  }

  async confirm(userId: string, code: string, ip: string | null): Promise<void> {
    const user = await this.ds.getRepository(User).findOneByOrFail({ id: userId });
    if (user.mfaEnabled) throw new ConflictException({ code: 'MFA_ALREADY_ENABLED', message: 'A second factor is already enrolled' });
    if (!user.mfaSecret) throw new UnprocessableEntityException({ code: 'MFA_NOT_STARTED', message: 'Start with POST /me/mfa/enroll' });
    const step = this.acceptedStep(user, code);
    if (step === null)
      throw new UnprocessableEntityException({ code: 'MFA_CODE_INVALID', message: 'The code is not valid; check the time on your device and try again' });
    await this.ds.transaction(async (m) => {
      await m.getRepository(User).update({ id: userId }, { mfaEnabled: true, mfaLastStep: String(step) });
      await this.audit.record('MFA_ENROLLED', userId, { ip }, {}, m);
    });
  }

  /**
   * Checks a login code and consumes its time step atomically, so the same code cannot be used
   * twice (even by two concurrent requests).
   */
  async verifyAndConsume(user: User, code: string): Promise<boolean> {
    const step = this.acceptedStep(user, code);
    if (step === null) return false;
    const res = await this.ds
      .createQueryBuilder()
      .update(User)
      .set({ mfaLastStep: String(step) })
      .where('id = :id AND (mfa_last_step IS NULL OR mfa_last_step < :step)', { id: user.id, step })
      .execute();
    return Boolean(res.affected);
  }

  private acceptedStep(user: User, code: string): number | null {
    if (!user.mfaSecret) return null;
    const secret = Secret.fromBase32(this.crypto.decrypt(user.mfaSecret, SECRET_CONTEXT));
    const delta = this.totp(user.email, secret).validate({ token: code, window: 1 });
    if (delta === null) return null;
    const step = Math.floor(Date.now() / 1000 / PERIOD) + delta;
    if (user.mfaLastStep !== null && step <= Number(user.mfaLastStep)) return null;
    return step;
  }

  private totp(label: string, secret: Secret): TOTP {
    return new TOTP({ issuer: 'Schakel', label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret });
  }
}
